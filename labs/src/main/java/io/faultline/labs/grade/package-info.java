/**
 * The grader: {@link io.faultline.labs.grade.Grader} compiles a student's project, checks its
 * bytecode ({@code SandboxRules}), runs the lab's graded suite in a separate JVM under limits
 * ({@code GradingJvm}), and {@link io.faultline.labs.grade.GradeFiles} writes the grade;
 * {@link io.faultline.labs.grade.LabInit} writes the student's project.
 */
package io.faultline.labs.grade;
