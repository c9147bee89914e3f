package io.redflag.service.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the report: {@code backtest.json} (every figure) and {@code index.html} (tables and inline SVG plots). */
final class Html {
    private static final int OUTCOME_ROWS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Html() {
    }

    static void write(BacktestReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("backtest.json"), JSON.writeValueAsString(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), page(report), StandardCharsets.UTF_8);
    }

    static String page(BacktestReport r) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Redflag backtest</title><style>body{font:14px sans-serif;margin:2em;max-width:60em}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>");
        var s = r.settings();
        h.append("<h1>Backtest ").append(s.from()).append(" to ").append(s.to()).append("</h1><p>")
                .append(s.days().size()).append(" as-of days every ").append(escape(s.every())).append(", horizon ")
                .append(escape(s.horizon())).append("; data up to ").append(r.dataEnd()).append(" (later horizons end"
                        + " there). ").append(r.accounts()).append(" accounts, ").append(r.observations())
                .append(" observations (an account on an as-of day), ").append(r.positives())
                .append(" with an outcome in their horizon: base rate ").append(pct(r.baseRate())).append(".</p>");
        h.append(table(List.of("outcome", "observations"), r.outcomesByKind().entrySet().stream()
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList()));

        List<BacktestReport.Model> models = r.models();
        List<BacktestReport.Model> cards = models.stream().filter(m -> m.kind().equals("scorecard")).toList();
        h.append("<h2>Precision and recall</h2><p>Flagged: at a level or worse (scorecards), or flagged by a naive"
                + " baseline from the same inputs. Precision: the share of flagged observations with an outcome;"
                + " recall: the share of outcomes that were flagged.</p>");
        List<String> groups = new ArrayList<>();
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (var m : models) {
            for (var t : m.thresholds()) {
                groups.add(withoutPrefix(m.name()) + ": " + t.flagged());
                precision.add(t.precision());
                recall.add(t.recall());
                rows.add(List.of(m.name(), t.flagged(), String.valueOf(t.count()), String.valueOf(t.truePositives()),
                        pct(t.precision()), pct(t.recall())));
            }
        }
        h.append(Svg.bars("Precision and recall", groups, List.of("precision", "recall"),
                new Double[][] {precision.toArray(Double[]::new), recall.toArray(Double[]::new)}, 1, true,
                r.baseRate()));
        h.append(table(List.of("model", "flagged", "observations", "with outcome", "precision", "recall"), rows));

        h.append("<h2>Lead time</h2><p>For each outcome with an as-of day in the horizon before it: the days from the"
                + " first At Risk or worse (a baseline: its first flag) to the outcome.</p>");
        rows = new ArrayList<>();
        int bins = models.stream().mapToInt(m -> m.leadTime().histogram().size()).max().orElse(0);
        Double[][] hist = new Double[models.size()][bins];
        List<String> binLabels = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            binLabels.add(b * 30 + "–" + (b * 30 + 29) + " d");
        }
        for (int i = 0; i < models.size(); i++) {
            var lt = models.get(i).leadTime();
            rows.add(List.of(models.get(i).name(), String.valueOf(lt.outcomes()), String.valueOf(lt.caught()),
                    lt.medianDays() == null ? "–" : num(lt.medianDays()), lt.meanDays() == null ? "–" : num(lt.meanDays())));
            for (int b = 0; b < bins; b++) {
                hist[i][b] = b < lt.histogram().size() ? (double) lt.histogram().get(b) : 0.0;
            }
        }
        double histMax = java.util.Arrays.stream(hist).flatMap(java.util.Arrays::stream).mapToDouble(d -> d)
                .max().orElse(1);
        h.append(Svg.bars("Lead time", binLabels, models.stream().map(BacktestReport.Model::name).toList(), hist,
                histMax, false, null));
        h.append(table(List.of("model", "outcomes", "caught", "median days", "mean days"), rows));

        h.append("<h2>Calibration</h2><p>The outcome rate per score band: a good score has falling rates as the"
                + " score rises. The dashed line is the base rate.</p>");
        List<String> bandLabels = cards.isEmpty() ? List.of() : cards.get(0).calibration().stream()
                .map(b -> b.from() + "–" + b.to()).toList();
        Double[][] rates = new Double[cards.size()][];
        rows = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            var bands = cards.get(i).calibration();
            rates[i] = bands.stream().map(b -> b.observations() == 0 ? null : b.rate()).toArray(Double[]::new);
            for (var b : bands) {
                rows.add(List.of(cards.get(i).name(), b.from() + "–" + b.to(), String.valueOf(b.observations()),
                        String.valueOf(b.outcomes()), pct(b.rate())));
            }
        }
        h.append(Svg.bars("Calibration", bandLabels, cards.stream().map(BacktestReport.Model::name).toList(), rates,
                1, true, r.baseRate()));
        h.append(table(List.of("scorecard", "score", "observations", "with outcome", "outcome rate"), rows));

        for (var card : cards) {
            h.append("<h2>").append(escape(card.name())).append(": levels, signals and suggested weights</h2>");
            h.append(table(List.of("level", "observations", "with outcome", "outcome rate"), card.levels().stream()
                    .map(l -> List.of(l.level(), String.valueOf(l.observations()), String.valueOf(l.outcomes()),
                            pct(l.rate()))).toList()));
            var signals = card.signals();
            h.append("<p>Lift: the outcome rate when the signal found a risk, over the base rate (above 1: the signal"
                    + " tells). Coverage: the share of observations where it had its inputs.</p>");
            double liftMax = signals.stream().mapToDouble(sf -> sf.lift() == null ? 0 : sf.lift()).max().orElse(1);
            h.append(Svg.bars("Lift per signal", signals.stream().map(sf -> abbreviation(sf.signal())).toList(),
                    List.of("lift"), new Double[][] {signals.stream().map(BacktestReport.SignalFigures::lift)
                            .toArray(Double[]::new)}, Math.max(1, liftMax), false, 1.0));
            var tuning = card.tuning();
            List<List<String>> t = new ArrayList<>();
            for (int i = 0; i < signals.size(); i++) {
                var sf = signals.get(i);
                var w = tuning.weights().get(i);
                t.add(List.of(sf.signal(), String.valueOf(sf.flagged()), sf.rate() == null ? "–" : pct(sf.rate()),
                        sf.lift() == null ? "–" : String.format(Locale.ROOT, "%.2f", sf.lift()), pct(sf.coverage()),
                        String.format(Locale.ROOT, "%.3f", w.coefficient()), String.valueOf(w.currentPoints()),
                        w.suggestedPoints() == null ? "–" : String.valueOf(w.suggestedPoints())));
            }
            h.append(table(List.of("signal", "flagged", "outcome rate", "lift", "coverage", "coefficient",
                    "points now", "suggested points"), t));
            h.append("<p>").append(escape(tuning.note())).append("</p>");
        }
        h.append("<h2>Outcomes</h2><p>Each outcome with an as-of day in the horizon before it, and the first of"
                + " those days each model flagged the account (a scorecard: At Risk or worse)").append(r.outcomes().size()
                > OUTCOME_ROWS ? "; the first " + OUTCOME_ROWS + " of " + r.outcomes().size() + " (backtest.json has"
                + " every one)" : "").append(".</p>");
        List<String> head = new ArrayList<>(List.of("account", "outcome", "date"));
        models.forEach(m -> head.add(m.name()));
        h.append(table(head, r.outcomes().stream().limit(OUTCOME_ROWS).map(o -> {
            List<String> row = new ArrayList<>(List.of(o.accountId(), o.kind(), o.date().toString()));
            o.firstFlagged().forEach(d -> row.add(d == null ? "–" : d.toString()));
            return row;
        }).toList()));
        return h.append("</body></html>").toString();
    }

    private static String table(List<String> head, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table><tr>");
        head.forEach(c -> t.append("<th>").append(escape(c)).append("</th>"));
        t.append("</tr>");
        for (List<String> row : rows) {
            t.append("<tr>");
            row.forEach(c -> t.append("<td>").append(escape(c)).append("</td>"));
            t.append("</tr>");
        }
        return t.append("</table>").toString();
    }

    /** A signal's initials for a chart's axis (the table beside it names it in full). */
    private static String abbreviation(String signal) {
        StringBuilder a = new StringBuilder();
        for (String part : signal.split("_")) {
            a.append(part.charAt(0));
        }
        return a.toString();
    }

    private static String withoutPrefix(String name) {
        return name.startsWith("baseline: ") ? name.substring(10) : name;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
