/**
 * The classroom: the labs ({@link io.faultline.labs.Labs}), each a student skeleton, a graded
 * suite and a docs chapter; the grader lives in {@code io.faultline.labs.grade}.
 */
package io.faultline.labs;
