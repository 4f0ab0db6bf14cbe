/**
 * Seeded generators with shrinking ({@code Gen<T>}), the role a property-testing library would play;
 * a module of its own with no dependencies so that every module's tests, the fault schedules and the
 * JUnit extension can use it without cycles.
 */
package io.faultline.gen;
