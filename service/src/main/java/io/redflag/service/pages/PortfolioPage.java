package io.redflag.service.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portfolio at {@code /}: key accounts (or all) by level with the won revenue at risk, the score
 * distribution, the week's biggest drops, levels over the last weeks and the accounts themselves, filtered by
 * owner, segment, level and score band. Every figure links to the filtered list of the accounts behind it.
 */
@Controller
class PortfolioPage {
    private static final List<String> AT_RISK = List.of("At Risk", "Critical");

    private final PortfolioQueries queries;
    private final JsonMapper json;

    PortfolioPage(PortfolioQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** The filters as the page's links carry them; {@link #with} makes a link with one changed. */
    record Query(String owner, String segment, String level, String scope, Integer min, Integer max, int page) {
        PortfolioQueries.Filter filter() {
            return new PortfolioQueries.Filter(owner, segment, level, !"all".equals(scope), min, max);
        }

        String link(String level, Integer min, Integer max, int page) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/");
            add(b, "owner", owner);
            add(b, "segment", segment);
            add(b, "level", level);
            add(b, "scope", "all".equals(scope) ? "all" : null);
            add(b, "min", min);
            add(b, "max", max);
            add(b, "page", page > 0 ? page : null);
            return b.encode().build().toUriString() + "#accounts";
        }

        /** This query with another level (and no score band): the accounts behind a level's figure. */
        public String withLevel(String l) {
            return link(l, null, null, 0);
        }

        public String withBand(int band) {
            return link(level, band * 10, band == 9 ? 100 : band * 10 + 9, 0);
        }

        public String atPage(int p) {
            return link(level, min, max, p);
        }

        private static void add(UriComponentsBuilder b, String name, Object value) {
            if (value != null) {
                b.queryParam(name, value);
            }
        }
    }

    @GetMapping("/")
    String portfolio(@RequestParam(required = false) String owner, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String level, @RequestParam(required = false) String scope,
            @RequestParam(required = false) Integer min, @RequestParam(required = false) Integer max,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (level != null && level.isBlank()) {
            level = null;
        }
        if (level != null && !PortfolioQueries.LEVELS.contains(level)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "level '" + level + "' is not one of "
                    + String.join(", ", PortfolioQueries.LEVELS));
        }
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page " + page + " must be 0 or more");
        }
        Query q = new Query(blank(owner), blank(segment), level, "all".equals(scope) ? "all" : "key", min, max, page);
        PortfolioQueries.Filter filter = q.filter();
        // The level tiles and the plots show every level of the scope: the level filter narrows the list only.
        PortfolioQueries.Filter scopeOnly = new PortfolioQueries.Filter(q.owner(), q.segment(), null, filter.keyOnly(),
                null, null);
        PortfolioQueries.Figures figures = queries.figures(scopeOnly, 10);
        List<PortfolioQueries.LevelFigure> levels = figures.levels();
        BigDecimal atRisk = levels.stream().filter(l -> AT_RISK.contains(l.level()))
                .map(PortfolioQueries.LevelFigure::wonRevenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        int[] bands = figures.bands();
        PortfolioQueries.Weekly weekly = figures.weekly();
        int total = figures.count(filter);

        model.addAttribute("q", q);
        model.addAttribute("levels", levels);
        model.addAttribute("revenueAtRisk", atRisk);
        model.addAttribute("bands", bands);
        model.addAttribute("movers", figures.movers());
        model.addAttribute("weekly", weekly);
        model.addAttribute("rows", queries.page(filter, page));
        model.addAttribute("total", total);
        model.addAttribute("pages", Math.max(1, (total + PortfolioQueries.PAGE - 1) / PortfolioQueries.PAGE));
        model.addAttribute("owners", queries.owners());
        model.addAttribute("segments", queries.segments());
        model.addAttribute("allLevels", PortfolioQueries.LEVELS);
        model.addAttribute("distributionChart", distributionChart(q, bands));
        model.addAttribute("weeklyChart", weeklyChart(q, weekly));
        return "portfolio";
    }

    private String distributionChart(Query q, int[] bands) {
        List<String> labels = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            labels.add(b * 10 + "–" + (b == 9 ? 100 : b * 10 + 9));
            links.add(q.withBand(b));
            values.add(bands[b]);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bars");
        chart.put("labels", labels);
        chart.put("values", values);
        chart.put("links", links);
        chart.put("axis", "accounts");
        return json.writeValueAsString(chart);
    }

    private String weeklyChart(Query q, PortfolioQueries.Weekly weekly) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "levels");
        chart.put("labels", weekly.weeks().stream().map(Object::toString).toList());
        chart.put("series", weekly.counts());
        Map<String, String> links = new LinkedHashMap<>();
        weekly.counts().keySet().forEach(l -> links.put(l, q.withLevel(l)));
        chart.put("links", links);
        return json.writeValueAsString(chart);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
