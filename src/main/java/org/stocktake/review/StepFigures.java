package org.stocktake.review;

/** How many times a step was taken and its median and mean length in seconds; no lengths when none was. */
public record StepFigures(LifecycleStep step, int count, Double medianSeconds, Double meanSeconds) {
}
