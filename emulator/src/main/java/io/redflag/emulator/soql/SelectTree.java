package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups the selected paths as Salesforce renders a record: fields in the order given, and all fields read
 * through one relationship in a single nested element, placed where the first of them appeared.
 */
final class SelectTree {
    private final Errors errors;
    private final Node root = new Node(null);

    SelectTree(Errors errors) {
        this.errors = errors;
    }

    /** A relationship element being built (root has no lookup); children are FieldDef or Node. */
    private static final class Node {
        final FieldDef lookup;
        final List<Object> children = new ArrayList<>();

        Node(FieldDef lookup) {
            this.lookup = lookup;
        }

        Node child(FieldDef lookup) {
            for (Object o : children) {
                if (o instanceof Node n && n.lookup.name().equals(lookup.name())) {
                    return n;
                }
            }
            Node n = new Node(lookup);
            children.add(n);
            return n;
        }
    }

    void add(FieldPath path, Token at) {
        Node node = root;
        for (FieldDef lookup : path.lookups) {
            node = node.child(lookup);
        }
        for (Object o : node.children) {
            if (o instanceof FieldDef f && f.name().equals(path.field.name())) {
                throw errors.malformed("duplicate field selected: " + at.text(), at);
            }
        }
        node.children.add(path.field);
    }

    List<Selected> build() {
        return build(root);
    }

    private static List<Selected> build(Node node) {
        List<Selected> out = new ArrayList<>();
        for (Object o : node.children) {
            if (o instanceof FieldDef f) {
                out.add(new Selected.Field(f));
            } else {
                Node n = (Node) o;
                out.add(new Selected.Parent(n.lookup, n.lookup.relationshipName(), build(n)));
            }
        }
        return out;
    }
}
