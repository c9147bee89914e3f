package io.redflag.service.backtest;

import io.redflag.connector.mapping.Mapping;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.service.mapping.MappingConfiguration;
import io.redflag.service.mapping.MappingProperties;
import io.redflag.service.scoring.ScorecardLoader;
import io.redflag.service.scoring.ScoringProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar redflag-service.jar backtest --from 2025-01-01 --to 2026-06-30 --every 1M --horizon 6M --out
 * report [--compare other.yaml]}: replays the configured scorecard (and another one to compare) over the service's
 * store (the same datasource settings, migrations included) and writes the report. No sync, no write-back, no web
 * server: the CRM is never called.
 */
public final class BacktestCommand {
    private static final Logger log = LoggerFactory.getLogger(BacktestCommand.class);
    static final String USAGE = "usage: backtest --from 2025-01-01 --to 2026-06-30 [--every 1M] [--horizon 6M]"
            + " [--out report] [--compare other-scorecard.yaml] [--spring.datasource.url=…]";

    /**
     * The store and the settings only: what the backtest reads. Not a {@code @Configuration}, so the service's
     * component scan leaves it alone.
     */
    @EnableAutoConfiguration
    @EnableConfigurationProperties({ScoringProperties.class, MappingProperties.class})
    static class Context {
    }

    /** The command's own options, and the rest (Spring's, e.g. --spring.datasource.url=…). */
    record Options(LocalDate from, LocalDate to, Period every, Period horizon, Path out, Path compare,
            List<String> spring) {

        static Options parse(String[] args) {
            Map<String, String> own = new LinkedHashMap<>();
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String name = a.startsWith("--") ? a.substring(2) : null;
                if (name != null && List.of("from", "to", "every", "horizon", "out", "compare").contains(name)) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    own.put(name, args[++i]);
                } else if (a.startsWith("--") && a.contains("=")) {
                    spring.add(a);
                } else {
                    throw new IllegalArgumentException("'" + a + "' is not an option of backtest");
                }
            }
            if (!own.containsKey("from") || !own.containsKey("to")) {
                throw new IllegalArgumentException("--from and --to are required");
            }
            return new Options(date(own.get("from"), "--from"), date(own.get("to"), "--to"),
                    period(own.getOrDefault("every", "1M"), "--every"), period(own.getOrDefault("horizon", "6M"),
                            "--horizon"), Path.of(own.getOrDefault("out", "report")),
                    own.containsKey("compare") ? Path.of(own.get("compare")) : null, spring);
        }

        private static LocalDate date(String value, String option) {
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(option + " " + value + " is not a date like 2025-01-01");
            }
        }

        /** 1M, 2W, 14D, 1Y. */
        static Period period(String value, String option) {
            var m = java.util.regex.Pattern.compile("(\\d+)([DWMY])").matcher(value.toUpperCase(Locale.ROOT));
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                throw new IllegalArgumentException(option + " " + value + " is not a period like 1M, 2W, 14D or 1Y");
            }
            int n = Integer.parseInt(m.group(1));
            return switch (m.group(2)) {
                case "D" -> Period.ofDays(n);
                case "W" -> Period.ofWeeks(n);
                case "M" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
        }
    }

    private BacktestCommand() {
    }

    /** @return the process's exit code: 0 done, 2 bad arguments */
    public static int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("backtest: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off")
                .run(options.spring().toArray(String[]::new))) {
            BacktestReport report = run(context.getBean(DataSource.class), context.getBean(MappingProperties.class),
                    context.getBean(ScoringProperties.class), options, Clock.systemUTC());
            Html.write(report, options.out());
            log.info("Backtest report written to {} ({} observations, {} with an outcome)",
                    options.out().toAbsolutePath().resolve("index.html"), report.observations(), report.positives());
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("backtest: the report could not be written to " + options.out() + ": " + e.getMessage());
            return 1;
        }
    }

    static BacktestReport run(DataSource dataSource, MappingProperties mappingProperties, ScoringProperties scoring,
            Options options, Clock clock) {
        long started = System.nanoTime();
        Mapping mapping = MappingConfiguration.read(mappingProperties);
        List<Backtest.Named> cards = new ArrayList<>();
        Scorecard configured = new Scorecard(ScorecardLoader.load(scoring.scorecardFile(), mapping));
        cards.add(new Backtest.Named(configured.config().version(), configured));
        if (options.compare() != null) {
            Scorecard other = new Scorecard(ScorecardLoader.load(options.compare(), mapping));
            String name = other.config().version().equals(configured.config().version())
                    ? options.compare().getFileName().toString() : other.config().version();
            cards.add(new Backtest.Named(name, other));
        }
        var segment = mapping.entities().get("account").fields().get("segment");
        Backtest backtest = new Backtest(new Replay(dataSource, mapping, scoring.paretoShare()),
                ScorecardLoader.outcomes(scoring.scorecardFile()), segment == null ? "Type" : segment.field());
        BacktestReport report = backtest.run(new Backtest.Request(options.from(), options.to(), options.every(),
                options.horizon(), LocalDate.now(clock)), cards);
        log.info("Backtest over {} as-of days took {} s", report.settings().days().size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return report;
    }
}
