package org.stocktake.oversight;

/** One field a decision changed, before and after. */
public record Change(String field, String before, String after) {
}
