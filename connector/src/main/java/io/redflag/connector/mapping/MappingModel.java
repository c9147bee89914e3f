package io.redflag.connector.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a mapping may say: the entities of Redflag's model, their properties with the kind of value each
 * needs, which are required, and which properties take a value map onto a fixed set of meanings.
 */
public final class MappingModel {
    /** Lists whose items are regular expressions (matched case-insensitively against titles). */
    public static final Set<String> PATTERN_LISTS = Set.of("executiveTitles", "keyContactTitles");

    /** The kind of value a property needs; decides which CRM field types can feed it. */
    public enum Kind {
        ID, TEXT, BOOLEAN, NUMBER, DATE, DATETIME, ANY
    }

    /**
     * One property: its kind, whether the mapping must give it, the meanings its value map may use, and
     * whether Redflag itself writes the field behind it (read back only to know what the CRM holds; a change
     * in such a field alone is Redflag's own write coming back, not news to score).
     */
    public record Property(String name, Kind kind, boolean required, Set<String> meanings, boolean written) {
    }

    /** One entity: its properties and the list settings it accepts (title patterns, tier names …). */
    public record Entity(String name, Map<String, Property> properties, Set<String> lists) {
    }

    private static final Set<String> STAGE = Set.of("OPEN", "WON", "LOST");
    private static final Set<String> ROLE = Set.of("DECISION_MAKER", "ECONOMIC_BUYER", "EXECUTIVE", "CHAMPION",
            "INFLUENCER", "TECHNICAL", "USER", "OTHER");
    private static final Set<String> KIND = Set.of("CALL", "EMAIL", "MEETING", "OTHER");
    private static final Set<String> DIRECTION = Set.of("INBOUND", "OUTBOUND");
    private static final Set<String> OUTCOME = Set.of("CONNECTED", "NO_RESPONSE", "DECLINED", "CANCELLED", "UNKNOWN");

    static final Map<String, Entity> ENTITIES = new LinkedHashMap<>();

    static {
        entity("user", List.of(req("id", Kind.ID), opt("name", Kind.TEXT), opt("email", Kind.TEXT),
                req("active", Kind.BOOLEAN), opt("manager", Kind.ID), req("modifiedAt", Kind.DATETIME)), Set.of());
        entity("account", List.of(req("id", Kind.ID), req("name", Kind.TEXT), req("owner", Kind.ID),
                opt("parent", Kind.ID), opt("tier", Kind.TEXT), opt("segment", Kind.TEXT),
                opt("annualRevenue", Kind.NUMBER), opt("changeEvent", Kind.TEXT), req("createdAt", Kind.DATETIME),
                req("modifiedAt", Kind.DATETIME), written("healthScore", Kind.NUMBER), written("riskLevel", Kind.TEXT),
                written("riskReasons", Kind.TEXT), written("healthTrend", Kind.NUMBER),
                written("healthScoredAt", Kind.DATETIME)), Set.of("keyTiers", "strategicSegments"));
        entity("accountHistory", List.of(req("id", Kind.ID), req("account", Kind.ID), req("field", Kind.TEXT),
                opt("oldValue", Kind.ANY), opt("newValue", Kind.ANY), req("createdAt", Kind.DATETIME)), Set.of());
        entity("contact", List.of(req("id", Kind.ID), opt("account", Kind.ID), opt("name", Kind.TEXT),
                opt("title", Kind.TEXT), opt("email", Kind.TEXT), opt("leftCompany", Kind.BOOLEAN),
                opt("emailBouncedAt", Kind.DATETIME), req("createdAt", Kind.DATETIME),
                req("modifiedAt", Kind.DATETIME)), Set.of("executiveTitles", "keyContactTitles"));
        entity("contactRole", List.of(req("id", Kind.ID), req("opportunity", Kind.ID), req("contact", Kind.ID),
                meaning("role", ROLE), opt("primary", Kind.BOOLEAN), req("modifiedAt", Kind.DATETIME)), Set.of());
        entity("opportunity", List.of(req("id", Kind.ID), opt("account", Kind.ID), opt("name", Kind.TEXT),
                meaningRequired("stage", STAGE), opt("amount", Kind.NUMBER), opt("closeDate", Kind.DATE),
                opt("nextStep", Kind.TEXT), opt("lossReason", Kind.TEXT), req("createdAt", Kind.DATETIME),
                req("modifiedAt", Kind.DATETIME), opt("probability", Kind.NUMBER)),
                Set.of("competitiveLossReasons", "stageOrder"));
        entity("opportunityHistory", List.of(req("id", Kind.ID), req("opportunity", Kind.ID),
                opt("stage", Kind.TEXT), opt("amount", Kind.NUMBER), opt("closeDate", Kind.DATE),
                req("createdAt", Kind.DATETIME)), Set.of());
        entity("task", List.of(req("id", Kind.ID), opt("account", Kind.ID), opt("contact", Kind.ID),
                opt("owner", Kind.ID), meaning("kind", KIND), meaning("direction", DIRECTION),
                meaning("outcome", OUTCOME), opt("subject", Kind.TEXT), opt("closed", Kind.BOOLEAN),
                opt("dueDate", Kind.DATE), opt("completedAt", Kind.DATETIME), req("modifiedAt", Kind.DATETIME),
                opt("signalKey", Kind.TEXT)),
                Set.of("inboundSubjectPrefixes"));
        entity("event", List.of(req("id", Kind.ID), opt("account", Kind.ID), opt("contact", Kind.ID),
                opt("owner", Kind.ID), req("start", Kind.DATETIME), meaning("outcome", OUTCOME),
                opt("subject", Kind.TEXT), req("modifiedAt", Kind.DATETIME)), Set.of());
        entity("supportCase", List.of(req("id", Kind.ID), opt("account", Kind.ID), opt("contact", Kind.ID),
                opt("subject", Kind.TEXT), meaning("priority", Set.of("HIGH", "NORMAL", "LOW")),
                opt("escalated", Kind.BOOLEAN), opt("closed", Kind.BOOLEAN), req("openedAt", Kind.DATETIME),
                opt("closedAt", Kind.DATETIME), req("modifiedAt", Kind.DATETIME)), Set.of());
    }

    private MappingModel() {
    }

    public static Map<String, Entity> entities() {
        return ENTITIES;
    }

    private static void entity(String name, List<Property> properties, Set<String> lists) {
        Map<String, Property> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        ENTITIES.put(name, new Entity(name, byName, lists));
    }

    private static Property req(String name, Kind kind) {
        return new Property(name, kind, true, Set.of(), false);
    }

    private static Property opt(String name, Kind kind) {
        return new Property(name, kind, false, Set.of(), false);
    }

    private static Property written(String name, Kind kind) {
        return new Property(name, kind, false, Set.of(), true);
    }

    private static Property meaning(String name, Set<String> meanings) {
        return new Property(name, Kind.TEXT, false, meanings, false);
    }

    private static Property meaningRequired(String name, Set<String> meanings) {
        return new Property(name, Kind.TEXT, true, meanings, false);
    }
}
