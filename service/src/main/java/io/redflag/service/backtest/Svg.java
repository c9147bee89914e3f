package io.redflag.service.backtest;

import java.util.List;
import java.util.Locale;

/** Small bar charts as inline SVG: the report needs no script and no build to show its plots. */
final class Svg {
    private static final String[] COLOURS = {"#c0392b", "#2471a3", "#7d8c8e", "#d4ac0d", "#6c3483", "#1e8449"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 44;

    private Svg() {
    }

    /**
     * Grouped vertical bars.
     *
     * @param groups  the labels along the x axis
     * @param series  one name per series (the legend)
     * @param values  [series][group], from 0 to {@code max}; null: no bar
     * @param percent label the axis and bars in per cent
     * @param line    a dashed horizontal line at this value (e.g. the base rate), or null
     */
    static String bars(String title, List<String> groups, List<String> series, Double[][] values, double max,
            boolean percent, Double line) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT + 20L * series.size()).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT + 20L * series.size()).append("\"><title>").append(Html.escape(title))
                .append("</title>");
        double top = max <= 0 ? 1 : max;
        int plotHeight = HEIGHT - BOTTOM - 10;
        int plotWidth = WIDTH - LEFT - 10;
        for (int t = 0; t <= 4; t++) {
            double v = top * t / 4;
            int y = 10 + plotHeight - (int) Math.round(plotHeight * t / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT, y, LEFT + plotWidth,
                    y, LEFT - 4, y + 3, label(v, percent)));
        }
        double slot = (double) plotWidth / Math.max(1, groups.size());
        double bar = Math.max(2, (slot - 6) / Math.max(1, series.size()));
        for (int g = 0; g < groups.size(); g++) {
            double x0 = LEFT + g * slot + 3;
            for (int s = 0; s < series.size(); s++) {
                Double v = values[s][g];
                if (v == null) {
                    continue;
                }
                int h = (int) Math.round(plotHeight * Math.min(v, top) / top);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                        + " fill=\"%s\"><title>%s, %s: %s</title></rect>", x0 + s * bar, 10 + plotHeight - h, bar - 1,
                        h, COLOURS[s % COLOURS.length], Html.escape(series.get(s)), Html.escape(groups.get(g)),
                        label(v, percent)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">"
                    + "%s</text>", LEFT + g * slot + slot / 2, HEIGHT - BOTTOM + 24, Html.escape(groups.get(g))));
        }
        if (line != null && line <= top) {
            int y = 10 + plotHeight - (int) Math.round(plotHeight * line / top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\""
                    + " stroke-dasharray=\"4 3\"><title>base rate %s</title></line>", LEFT, y, LEFT + plotWidth, y,
                    label(line, percent)));
        }
        for (int s = 0; s < series.size(); s++) {
            int y = HEIGHT + 20 * s;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", LEFT, y, COLOURS[s % COLOURS.length],
                    LEFT + 18, y + 10, Html.escape(series.get(s))));
        }
        return svg.append("</svg>").toString();
    }

    static String label(double v, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.0f %%", v * 100) : String.format(Locale.ROOT, "%.0f", v);
    }
}
