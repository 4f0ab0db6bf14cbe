/**
 * What clients saw: operations in Jepsen's vocabulary ({@code invoke}, then {@code ok}, {@code fail}
 * or {@code info}), the only input of every checker. Lives in {@code checker/} so that histories
 * recorded anywhere (Jepsen, Porcupine, a real S3 or Kafka, the simulator) can be checked.
 */
package io.faultline.checker.history;
