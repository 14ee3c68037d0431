package org.stocktake.review;

/** What a recommendation in the register says, and its latest public update (null before the first). */
public record RegisterText(String text, String latestPublicUpdate) {
}
