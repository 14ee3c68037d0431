package org.stocktake.report;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Bar charts as inline SVG, drawn on the server: nothing to download or run in the browser, and
 * the same picture in the PDF. Every label is escaped; the numbers are ours. A chart is a
 * picture of figures the page also gives as text.
 */
final class Charts {

    static final int WIDTH = 680;
    static final int LABEL_WIDTH = 230;
    static final int BAR_WIDTH = 360;
    static final int ROW = 28;

    /** One bar, or one segment of a stacked bar. */
    record Segment(String label, double value, String colour) {
    }

    /** A labelled row of segments (one segment for a plain bar). */
    record Row(String label, List<Segment> segments, String note) {
    }

    private Charts() {
    }

    /** Horizontal bars, each row scaled to the largest row's total; the note is written after the bar. */
    static String bars(String title, List<Row> rows) {
        double max = rows.stream().mapToDouble(Charts::total).max().orElse(0);
        StringBuilder svg = open(title, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = i * ROW;
            svg.append(text(LABEL_WIDTH - 8, y + 18, shortened(row.label()), "end"));
            double x = LABEL_WIDTH;
            for (Segment segment : row.segments()) {
                double width = max == 0 ? 0 : BAR_WIDTH * segment.value() / max;
                if (width > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                            x, y + 5, width, ROW - 10, segment.colour(), escape(segment.label() + ": " + format(segment.value()))));
                }
                x += width;
            }
            svg.append(text((int) x + 6, y + 18, row.note(), "start"));
        }
        return svg.append("</svg>").toString();
    }

    /** A legend for the colours of stacked bars. */
    static String legend(List<Segment> entries) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"legend\" %s>", size(WIDTH, 22 * ((entries.size() + 2) / 3))));
        for (int i = 0; i < entries.size(); i++) {
            int x = (i % 3) * 220;
            int y = (i / 3) * 22;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y + 4,
                    entries.get(i).colour()));
            svg.append(text(x + 18, y + 15, entries.get(i).label(), "start"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int rows) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" data-title=\"%s\" %s>", escape(title), size(WIDTH, Math.max(ROW, rows * ROW))));
    }

    /**
     * Drawn at its width, or narrower to fit the window; hidden from screen readers, which read
     * the same figures from the text the page gives beside the chart.
     */
    private static String size(int width, int height) {
        return String.format(Locale.ROOT, "viewBox=\"0 0 %d %d\" style=\"width: 100%%; max-width: %dpx; height: auto\" aria-hidden=\"true\" focusable=\"false\"",
                width, height, width);
    }

    private static String text(int x, int y, String text, String anchor) {
        return text == null || text.isEmpty() ? "" : String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#1b1b1b\">%s</text>",
                x, y, anchor, escape(text));
    }

    /** A label that fits its column (about 34 characters at this size). */
    private static String shortened(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "…";
    }

    private static double total(Row row) {
        return row.segments().stream().mapToDouble(Segment::value).sum();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
