package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.soql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the statement's clauses; WHERE is delegated to {@link WhereParser}. Names
 * are checked against the schema as they are read, so errors point at the first bad token, as Salesforce's do.
 */
final class Parser {
    /** Words that end a field list or cannot name a field. */
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "ORDER",
            "BY", "LIMIT", "GROUP", "HAVING", "OFFSET", "WITH", "NULL", "TRUE", "FALSE", "IN", "LIKE", "ASC", "DESC",
            "NULLS", "USING", "FOR", "INCLUDES", "EXCLUDES", "TYPEOF", "UPDATE");

    private final TokenStream ts;
    private final Errors errors;
    private final Schema schema;
    private SObjectDef from;

    Parser(String soql, Schema schema) {
        this.ts = new TokenStream(soql);
        this.errors = ts.errors;
        this.schema = schema;
    }

    SoqlQuery parseQuery() {
        ts.expectKeyword("SELECT");
        List<Token> items = new ArrayList<>();
        Token countToken = selectList(items);
        ts.expectKeyword("FROM");
        Token objectToken = ts.expect(Kind.IDENT);
        from = objectToken.text().contains(".") ? null : schema.find(objectToken.text());
        if (from == null) {
            throw errors.noSuchType(objectToken.text(), objectToken);
        }
        if (ts.peek().is(Kind.IDENT) && !isClauseStart(ts.peek())) {
            throw ts.peek().isKeyword("USING") ? errors.unsupported("USING SCOPE", ts.peek())
                    : errors.unsupported("An object alias ('" + ts.peek().text() + "')", ts.peek());
        }
        SelectTree tree = new SelectTree(errors);
        for (Token item : items) {
            tree.add(resolve(item), item);
        }
        Condition where = null;
        if (ts.acceptKeyword("WHERE")) {
            where = new WhereParser(ts, this).parse();
        }
        refuseClause("WITH", "The WITH clause");
        refuseClause("GROUP", "GROUP BY");
        refuseClause("HAVING", "HAVING");
        List<OrderItem> order = new ArrayList<>();
        if (ts.acceptKeyword("ORDER")) {
            ts.expectKeyword("BY");
            do {
                order.add(orderItem());
            } while (ts.accept(Kind.COMMA));
        }
        Integer limit = null;
        if (ts.acceptKeyword("LIMIT")) {
            Token n = ts.next();
            if (!n.is(Kind.NUMBER) || n.text().contains(".") || n.text().startsWith("-")) {
                throw errors.unexpected(n);
            }
            limit = Integer.valueOf(n.text().replace("+", ""));
        }
        refuseClause("OFFSET", "OFFSET");
        refuseClause("FOR", "FOR VIEW, FOR REFERENCE and FOR UPDATE");
        refuseClause("UPDATE", "UPDATE TRACKING and UPDATE VIEWSTAT");
        if (!ts.peek().is(Kind.EOF)) {
            throw errors.unexpected(ts.peek());
        }
        return new SoqlQuery(from, countToken != null, tree.build(), where, order, limit);
    }

    /** Reads the field list; returns the COUNT token for SELECT COUNT(). */
    private Token selectList(List<Token> items) {
        Token count = null;
        do {
            Token t = ts.peek();
            if (t.is(Kind.LPAREN)) {
                throw errors.unsupported("A relationship subquery in the SELECT list", t);
            }
            if (t.isKeyword("TYPEOF")) {
                throw errors.unsupported("TYPEOF", t);
            }
            if (!t.is(Kind.IDENT) || RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
                throw errors.unexpected(t);
            }
            ts.next();
            if (ts.peek().is(Kind.LPAREN)) {
                if (t.isKeyword("COUNT") && ts.peek(1).is(Kind.RPAREN)) {
                    ts.next();
                    ts.next();
                    count = t;
                } else {
                    throw errors.unsupported(functionName(t), t);
                }
            } else {
                items.add(t);
            }
        } while (ts.accept(Kind.COMMA));
        if (count != null && !items.isEmpty()) {
            throw errors.malformed("COUNT() must be the only element in the SELECT list", count);
        }
        return count;
    }

    private static String functionName(Token t) {
        String name = t.text().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX" -> "The aggregate function " + name + "()";
            case "FIELDS" -> "FIELDS()";
            default -> "The function " + t.text() + "()";
        };
    }

    private OrderItem orderItem() {
        Token t = ts.next();
        if (!t.is(Kind.IDENT) || RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
            throw errors.unexpected(t);
        }
        if (ts.peek().is(Kind.LPAREN)) {
            throw errors.unsupported(functionName(t) + " in ORDER BY", t);
        }
        FieldPath path = resolve(t);
        boolean desc = false;
        if (ts.acceptKeyword("DESC")) {
            desc = true;
        } else {
            ts.acceptKeyword("ASC");
        }
        boolean nullsFirst = !desc;
        if (ts.acceptKeyword("NULLS")) {
            if (ts.acceptKeyword("FIRST")) {
                nullsFirst = true;
            } else {
                ts.expectKeyword("LAST");
                nullsFirst = false;
            }
        }
        return new OrderItem(path, desc, nullsFirst);
    }

    private void refuseClause(String keyword, String feature) {
        if (ts.peek().isKeyword(keyword)) {
            throw errors.unsupported(feature, ts.peek());
        }
    }

    private static boolean isClauseStart(Token t) {
        return Set.of("WHERE", "WITH", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FOR", "UPDATE")
                .contains(t.text().toUpperCase(Locale.ROOT));
    }

    Errors errors() {
        return errors;
    }

    /**
     * Resolves a field name or dotted path from the queried object. Relationship and field names match in
     * any case; on a polymorphic lookup (Task.What) a field of any target is accepted. A leading object name
     * (Account.Name on Account) is allowed, as in Salesforce.
     */
    FieldPath resolve(Token t) {
        if (RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
            throw errors.unexpected(t);
        }
        String[] segs = t.text().split("\\.", -1);
        for (String s : segs) {
            if (s.isEmpty()) {
                throw errors.unexpected(t);
            }
        }
        int start = segs.length > 1 && segs[0].equalsIgnoreCase(from.name()) && from.relationship(segs[0]) == null
                ? 1 : 0;
        List<SObjectDef> types = List.of(from);
        List<FieldDef> lookups = new ArrayList<>();
        for (int i = start; i < segs.length - 1; i++) {
            FieldDef lookup = null;
            for (SObjectDef type : types) {
                lookup = type.relationship(segs[i]);
                if (lookup != null) {
                    break;
                }
            }
            if (lookup == null) {
                throw errors.noSuchRelationship(segs[i], t);
            }
            lookups.add(lookup);
            List<SObjectDef> next = new ArrayList<>();
            for (String target : lookup.referenceTo()) {
                SObjectDef def = schema.find(target);
                if (def != null) {
                    next.add(def);
                }
            }
            types = next;
        }
        String last = segs[segs.length - 1];
        for (SObjectDef type : types) {
            FieldDef field = type.field(last);
            if (field != null) {
                return new FieldPath(from, lookups, field);
            }
        }
        throw errors.noSuchColumn(last, types.isEmpty() ? from.name() : types.get(0).name(), t);
    }
}
