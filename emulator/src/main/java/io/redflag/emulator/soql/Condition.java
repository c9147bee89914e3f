package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A parsed WHERE clause. Literals are already converted to the field's value type at parse time; relative
 * date literals are turned into bounds when the query runs, because they depend on the time of the call.
 * SOQL null semantics: = null and != null test for absence; a null field equals nothing else, so != and
 * NOT IN match it, while < <= > >= and LIKE never do.
 */
sealed interface Condition {

    Predicate<SRecord> compile(OrgStore store, Instant now);

    /** Whether evaluation needs parent records (then rows are read outside the store's lock). */
    boolean usesParents();

    record And(List<Condition> parts) implements Condition {
        public Predicate<SRecord> compile(OrgStore store, Instant now) {
            List<Predicate<SRecord>> ps = compileAll(parts, store, now);
            return r -> {
                for (Predicate<SRecord> p : ps) {
                    if (!p.test(r)) {
                        return false;
                    }
                }
                return true;
            };
        }

        public boolean usesParents() {
            return parts.stream().anyMatch(Condition::usesParents);
        }
    }

    record Or(List<Condition> parts) implements Condition {
        public Predicate<SRecord> compile(OrgStore store, Instant now) {
            List<Predicate<SRecord>> ps = compileAll(parts, store, now);
            return r -> {
                for (Predicate<SRecord> p : ps) {
                    if (p.test(r)) {
                        return true;
                    }
                }
                return false;
            };
        }

        public boolean usesParents() {
            return parts.stream().anyMatch(Condition::usesParents);
        }
    }

    record Not(Condition inner) implements Condition {
        public Predicate<SRecord> compile(OrgStore store, Instant now) {
            return inner.compile(store, now).negate();
        }

        public boolean usesParents() {
            return inner.usesParents();
        }
    }

    /** field op value; value is null, a converted literal, or a {@link DateLiterals.Range}. */
    record Compare(FieldPath path, String op, Object value) implements Condition {
        public Predicate<SRecord> compile(OrgStore store, Instant now) {
            if (value instanceof DateLiterals.Range range) {
                LocalDate[] days = range.bounds(now);
                Object lo = bound(days[0]);
                Object hi = bound(days[1]);
                return r -> {
                    Object v = path.value(r, store);
                    if (v == null) {
                        return op.equals("!=");
                    }
                    return switch (op) {
                        case "=" -> Values.compare(v, lo) >= 0 && Values.compare(v, hi) < 0;
                        case "!=" -> Values.compare(v, lo) < 0 || Values.compare(v, hi) >= 0;
                        case "<" -> Values.compare(v, lo) < 0;
                        case "<=" -> Values.compare(v, hi) < 0;
                        case ">" -> Values.compare(v, hi) >= 0;
                        default -> Values.compare(v, lo) >= 0;
                    };
                };
            }
            boolean text = Values.isCaseInsensitive(path.type());
            return r -> {
                Object v = path.value(r, store);
                if (v == null || value == null) {
                    boolean same = v == value;
                    return op.equals("=") ? same : op.equals("!=") && !same;
                }
                return switch (op) {
                    case "=" -> text ? ((String) v).equalsIgnoreCase((String) value) : Values.compare(v, value) == 0;
                    case "!=" -> text ? !((String) v).equalsIgnoreCase((String) value) : Values.compare(v, value) != 0;
                    case "<" -> Values.compare(v, value) < 0;
                    case "<=" -> Values.compare(v, value) <= 0;
                    case ">" -> Values.compare(v, value) > 0;
                    default -> Values.compare(v, value) >= 0;
                };
            };
        }

        /** A range bound in the field's value type: a date-time range starts at midnight UTC. */
        private Object bound(LocalDate day) {
            return path.type() == FieldType.DATETIME ? day.atStartOfDay().toInstant(ZoneOffset.UTC) : day;
        }

        public boolean usesParents() {
            return path.hasParents();
        }
    }

    /** field [NOT] IN (values). */
    record In(FieldPath path, boolean negated, List<Object> values) implements Condition {
        public Predicate<SRecord> compile(OrgStore store, Instant now) {
            Predicate<SRecord> any;
            boolean hasRange = values.stream().anyMatch(v -> v instanceof DateLiterals.Range);
            if (!hasRange && (Values.isCaseInsensitive(path.type()) || path.type().isText())) {
                // Text and ids: one hash look-up per row, however long the list.
                Set<String> keys = new HashSet<>();
                boolean matchesNull = false;
                for (Object v : values) {
                    if (v == null) {
                        matchesNull = true;
                    } else {
                        keys.add(((String) v).toLowerCase(Locale.ROOT));
                    }
                }
                boolean nullOk = matchesNull;
                any = r -> {
                    Object v = path.value(r, store);
                    return v == null ? nullOk : keys.contains(((String) v).toLowerCase(Locale.ROOT));
                };
            } else {
                List<Condition> eqs = new ArrayList<>();
                for (Object v : values) {
                    eqs.add(new Compare(path, "=", v));
                }
                any = new Or(eqs).compile(store, now);
            }
            return negated ? any.negate() : any;
        }

        public boolean usesParents() {
            return path.hasParents();
        }
    }

    /** field LIKE pattern: % and _ wildcards, case-insensitive; a null field never matches. */
    record Like(FieldPath path, Pattern pattern) implements Condition {
        public Predicate<SRecord> compile(OrgStore store, Instant now) {
            return r -> {
                Object v = path.value(r, store);
                return v != null && pattern.matcher((String) v).matches();
            };
        }

        public boolean usesParents() {
            return path.hasParents();
        }

        static Pattern compilePattern(String like) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < like.length(); i++) {
                char c = like.charAt(i);
                if (c == '\\' && i + 1 < like.length()) {
                    regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
                } else if (c == '%') {
                    regex.append(".*");
                } else if (c == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }
    }

    private static List<Predicate<SRecord>> compileAll(List<Condition> parts, OrgStore store, Instant now) {
        List<Predicate<SRecord>> out = new ArrayList<>(parts.size());
        for (Condition c : parts) {
            out.add(c.compile(store, now));
        }
        return out;
    }
}
