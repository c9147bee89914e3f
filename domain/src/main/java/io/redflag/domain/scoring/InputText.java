package io.redflag.domain.scoring;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a record as its {@code toString()} would ({@code Name[a=1, b=[x, y]]}) into a builder, for the input
 * hash. On Java 17 a record's own toString goes through {@code String.format}, which made hashing the inputs
 * the largest cost of a full rescore; accessor handles are looked up once per record class.
 */
final class InputText {
    private static final ConcurrentHashMap<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();

    private record Component(String name, MethodHandle accessor) {
    }

    private InputText() {
    }

    static StringBuilder append(StringBuilder out, Object value) {
        if (value instanceof Record r) {
            Component[] components = COMPONENTS.computeIfAbsent(r.getClass(), InputText::components);
            out.append(r.getClass().getSimpleName()).append('[');
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(components[i].name()).append('=');
                append(out, read(components[i], r));
            }
            return out.append(']');
        }
        if (value instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, e);
            }
            return out.append(']');
        }
        return out.append(value);
    }

    static String text(Object value) {
        return append(new StringBuilder(256), value).toString();
    }

    private static Object read(Component c, Record r) {
        try {
            return c.accessor().invoke(r);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.name(), e);
        }
    }

    private static Component[] components(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        Component[] out = new Component[rc.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (int i = 0; i < rc.length; i++) {
            try {
                out[i] = new Component(rc[i].getName(), lookup.unreflect(rc[i].getAccessor()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("record " + type.getName() + " is not public", e);
            }
        }
        return out;
    }
}
