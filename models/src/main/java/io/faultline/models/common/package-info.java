/**
 * Small value types that more than one model uses in the same sense: an API error's code and HTTP
 * status, and the completion window of a retrieval. Each model keeps its own names and codes.
 */
package io.faultline.models.common;
