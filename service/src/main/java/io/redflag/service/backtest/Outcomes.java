package io.redflag.service.backtest;

import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.StageClass;
import io.redflag.domain.scoring.OutcomeSettings;
import io.redflag.service.history.DatedHistory;
import io.redflag.service.scoring.StoredAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What happened to an account after an as-of day, judged on the store as it is now (the outcomes of the
 * scorecard file, {@link OutcomeSettings}). The horizon ends at the data's end when it runs past it: what
 * happened by then counts, but revenue is compared only over whole horizons (deals are lumpy: a month without
 * one says nothing).
 */
final class Outcomes {
    /** The kinds of outcome. */
    enum Kind {
        REVENUE_DROP, LOST_DEAL, FORMER_CUSTOMER, NO_WON_BUSINESS
    }

    /** One outcome on a day. */
    record Event(Kind kind, LocalDate date) {
    }

    /** The outcomes within one horizon: none, or the kinds and the first day one happened. */
    record Result(Set<Kind> kinds, LocalDate first, List<Event> events) {
        boolean happened() {
            return first != null;
        }
    }

    private final OutcomeSettings settings;
    /** The CRM's name of the account type (AccountHistory.Field), e.g. Type. */
    private final String typeField;

    Outcomes(OutcomeSettings settings, String typeField) {
        this.settings = settings;
        this.typeField = typeField;
    }

    /**
     * @param now     the account as the store holds it now
     * @param changes its observed changes (record_change), for its type
     * @param day     the as-of day
     * @param end      the horizon's last day (already cut at the data's end)
     * @param wholeEnd the horizon's last day had the data reached it: revenue is compared on whole horizons only
     */
    Result after(StoredAccount now, List<DatedHistory.Change> changes, LocalDate day, LocalDate end,
            LocalDate wholeEnd) {
        List<Event> events = new ArrayList<>();
        if (settings.lostDeal()) {
            now.opportunities().stream().filter(o -> o.stageClass() == StageClass.LOST && within(o.closeDate(), day,
                    end)).map(o -> new Event(Kind.LOST_DEAL, o.closeDate())).min(Comparator.comparing(Event::date))
                    .ifPresent(events::add);
        }
        if (!settings.formerCustomerTypes().isEmpty()) {
            List<LocalDate> dates = new ArrayList<>();
            changes.stream().filter(c -> c.field().equals("segment") && former(c.newValue()))
                    .forEach(c -> dates.add(LocalDate.ofInstant(c.at(), ZoneOffset.UTC)));
            now.history().stream().filter(h -> typeField.equals(h.field()) && former(h.newValue()))
                    .forEach(h -> dates.add(LocalDate.ofInstant(h.at(), ZoneOffset.UTC)));
            dates.stream().filter(d -> within(d, day, end)).min(LocalDate::compareTo)
                    .ifPresent(d -> events.add(new Event(Kind.FORMER_CUSTOMER, d)));
        }
        List<Opportunity> won = now.opportunities().stream().filter(o -> o.stageClass() == StageClass.WON
                && o.closeDate() != null).toList();
        if (settings.noWonBusinessMonths() > 0) {
            LocalDate last = won.stream().map(Opportunity::closeDate).filter(d -> !d.isAfter(day))
                    .max(LocalDate::compareTo).orElse(null);
            LocalDate lapse = last == null ? null : last.plusMonths(settings.noWonBusinessMonths());
            if (lapse != null && lapse.isAfter(day) && !lapse.isAfter(end)
                    && won.stream().noneMatch(o -> within(o.closeDate(), day, lapse))) {
                events.add(new Event(Kind.NO_WON_BUSINESS, lapse));
            }
        }
        if (settings.revenueShare() > 0 && !end.isBefore(wholeEnd)) {
            BigDecimal before = sum(won, day.minusMonths(settings.trailingMonths()), day);
            BigDecimal after = sum(won, day, end);
            double share = settings.revenueShare() * ChronoUnit.DAYS.between(day, end)
                    / ChronoUnit.DAYS.between(day.minusMonths(settings.trailingMonths()), day);
            if (before.signum() > 0 && after.compareTo(before.multiply(BigDecimal.valueOf(share))) < 0) {
                events.add(new Event(Kind.REVENUE_DROP, end));
            }
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        events.forEach(e -> kinds.add(e.kind()));
        LocalDate first = events.stream().map(Event::date).min(LocalDate::compareTo).orElse(null);
        return new Result(kinds, first, List.copyOf(events));
    }

    private boolean former(String type) {
        return type != null && settings.formerCustomerTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type.strip()));
    }

    /** In (from, to]. */
    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && date.isAfter(from) && !date.isAfter(to);
    }

    private static BigDecimal sum(List<Opportunity> won, LocalDate from, LocalDate to) {
        return won.stream().filter(o -> o.amount() != null && within(o.closeDate(), from, to))
                .map(Opportunity::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
