package io.redflag.emulator.data;

import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.Fields;
import io.redflag.emulator.schema.PicklistValue;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Adds the custom fields of an SFDX source folder ({@code objects/<Object>/fields/<Field>.field-meta.xml},
 * searched for at any depth so that either {@code plugin} or {@code plugin/force-app/main/default} can be
 * given) to the standard objects of a schema, with the properties describe reports for them.
 */
public final class MetadataLoader {
    static final String NS = "http://soap.sforce.com/2006/04/metadata";
    private static final String SUFFIX = ".field-meta.xml";

    private MetadataLoader() {
    }

    /** Loads every field file under {@code dir}; returns the loaded fields as {@code Object.Field}. */
    public static List<String> load(Path dir, Schema schema) {
        if (!Files.isDirectory(dir)) {
            throw new MetadataException(dir + ": not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            // Sorted, so that the order of fields in describe does not depend on the file system.
            files = walk.filter(MetadataLoader::isFieldFile).sorted().toList();
        } catch (IOException e) {
            throw new MetadataException(dir + ": " + e.getMessage(), e);
        }
        List<String> loaded = new ArrayList<>();
        for (Path file : files) {
            loaded.addAll(loadFieldOnTargets(file, schema));
        }
        return loaded;
    }

    private static boolean isFieldFile(Path p) {
        Path fields = p.getParent();
        Path object = fields == null ? null : fields.getParent();
        Path objects = object == null ? null : object.getParent();
        return p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)
                && fields.getFileName().toString().equals("fields")
                && objects != null && objects.getFileName() != null
                && objects.getFileName().toString().equals("objects");
    }

    /** Fields of Activity are shared by Task and Event, as in Salesforce. */
    private static List<String> loadFieldOnTargets(Path file, Schema schema) {
        String objectName = file.getParent().getParent().getFileName().toString();
        if (!objectName.equalsIgnoreCase("Activity")) {
            return List.of(loadField(file, schema, schema.find(objectName), objectName));
        }
        return List.of(loadField(file, schema, schema.find("Task"), objectName),
                loadField(file, schema, schema.find("Event"), objectName));
    }

    private static String loadField(Path file, Schema schema, SObjectDef type, String objectName) {
        if (type == null) {
            throw new MetadataException(file + ": unknown object " + objectName
                    + " (only custom fields on the emulator's standard objects are supported)");
        }
        Element root = parse(file).getDocumentElement();
        if (!"CustomField".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
            throw new MetadataException(file + ": root element must be CustomField in namespace " + NS);
        }
        String fileName = file.getFileName().toString();
        String name = text(root, "fullName");
        if (name == null) {
            name = fileName.substring(0, fileName.length() - SUFFIX.length());
        }
        if (!name.endsWith("__c")) {
            throw new MetadataException(file + ": custom field name must end with __c: " + name);
        }
        String typeName = text(root, "type");
        if (typeName == null) {
            throw new MetadataException(file + ": missing <type>");
        }
        Fields f = build(file, root, name, typeName, type, schema);
        f.custom().label(orElse(text(root, "label"), name));
        if (flag(root, "externalId")) {
            f.externalId();
        }
        if (flag(root, "required") && !typeName.equals("Checkbox")) {
            f.required();
        }
        if (flag(root, "trackHistory")) {
            f.tracked();
        }
        if (text(root, "inlineHelpText") != null) {
            f.help(text(root, "inlineHelpText"));
        }
        if (text(root, "formula") != null) {
            // Formula fields are computed by the platform: read-only to every client.
            f.readOnly();
        }
        type.putField(f.build());
        if (typeName.equals("Lookup") || typeName.equals("MasterDetail")) {
            registerChildRelationship(file, root, name, type, schema);
        }
        return type.name() + "." + name;
    }

    private static Fields build(Path file, Element root, String name, String typeName, SObjectDef owner,
            Schema schema) {
        return switch (typeName) {
            // Checkboxes always have a value (defaultValue false when absent): never null, never required.
            case "Checkbox" -> Fields.of(name, FieldType.BOOLEAN).defaulted();
            case "Text" -> Fields.of(name, FieldType.STRING).length(intValue(file, root, "length", 255));
            case "EncryptedText" -> Fields.of(name, FieldType.STRING).length(intValue(file, root, "length", 175));
            case "AutoNumber" -> Fields.of(name, FieldType.STRING).length(30).readOnly().defaulted();
            case "TextArea" -> Fields.of(name, FieldType.TEXTAREA).length(255);
            case "LongTextArea", "Html" -> Fields.of(name, FieldType.TEXTAREA)
                    .length(intValue(file, root, "length", 32768));
            // Salesforce describes every Number field as a double, whatever its scale.
            case "Number" -> numeric(file, root, Fields.of(name, FieldType.DOUBLE), 18, 0);
            case "Currency" -> numeric(file, root, Fields.of(name, FieldType.CURRENCY), 18, 2);
            case "Percent" -> numeric(file, root, Fields.of(name, FieldType.PERCENT), 3, 0);
            case "Date" -> Fields.of(name, FieldType.DATE);
            case "DateTime" -> Fields.of(name, FieldType.DATETIME);
            case "Email" -> Fields.of(name, FieldType.EMAIL);
            case "Phone" -> Fields.of(name, FieldType.PHONE).length(40);
            case "Url" -> Fields.of(name, FieldType.URL);
            case "Picklist" -> picklist(root, Fields.of(name, FieldType.PICKLIST));
            case "MultiselectPicklist" -> picklist(root, Fields.of(name, FieldType.MULTIPICKLIST));
            case "Lookup", "MasterDetail" -> {
                String target = text(root, "referenceTo");
                if (target == null) {
                    throw new MetadataException(file + ": a " + typeName + " field needs <referenceTo>");
                }
                SObjectDef targetType = schema.find(target);
                if (targetType == null) {
                    throw new MetadataException(file + ": <referenceTo> names an unknown object " + target);
                }
                // The parent path (Foo__c.Name in SOQL) is the field name with __r for __c.
                Fields f = Fields.of(name, FieldType.REFERENCE)
                        .referenceTo(List.of(targetType.name()), name.substring(0, name.length() - 3) + "__r");
                yield typeName.equals("MasterDetail") ? f.required() : f;
            }
            default -> throw new MetadataException(file + lineOf(file, "<type>" + typeName)
                    + ": unsupported field type " + typeName + " for " + owner.name() + "." + name);
        };
    }

    /**
     * In SFDX the lookup's {@code relationshipName} is the name the parent sees its children by; the API
     * adds __r (Account.Contacts__r for a Contact lookup with relationshipName Contacts).
     */
    private static void registerChildRelationship(Path file, Element root, String name, SObjectDef child,
            Schema schema) {
        String relationship = text(root, "relationshipName");
        if (relationship == null) {
            return;
        }
        String parent = schema.find(text(root, "referenceTo")).name();
        try {
            schema.addChildRelationship(parent, relationship + "__r", child.name(), name);
        } catch (IllegalArgumentException e) {
            throw new MetadataException(file + ": " + e.getMessage(), e);
        }
    }

    private static Fields numeric(Path file, Element root, Fields f, int defaultPrecision, int defaultScale) {
        return f.numeric(intValue(file, root, "precision", defaultPrecision), intValue(file, root, "scale",
                defaultScale));
    }

    private static Fields picklist(Element root, Fields f) {
        Element valueSet = child(root, "valueSet");
        if (valueSet == null) {
            return f;
        }
        if (flag(valueSet, "restricted")) {
            f.restricted();
        }
        Element definition = child(valueSet, "valueSetDefinition");
        if (definition == null) {
            // A global value set (valueSetName) is defined elsewhere: its values are unknown here.
            return f;
        }
        for (Node n = definition.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && "value".equals(e.getLocalName())) {
                String value = text(e, "fullName");
                if (value != null) {
                    f.value(new PicklistValue(value, flag(e, "default"), false, false, 0));
                }
            }
        }
        return f;
    }

    private static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Metadata files never need a DTD; refusing them rules out entity expansion attacks.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder.parse(in, file.toString());
        } catch (SAXParseException e) {
            throw new MetadataException(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": malformed XML: "
                    + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new MetadataException(file + ": malformed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MetadataException(file + ": " + e.getMessage(), e);
        }
    }

    /** ":line" of the first line containing {@code snippet}, to point at the bad element; "" if not found. */
    private static String lineOf(Path file, String snippet) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(snippet)) {
                    return ":" + (i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The line number is a convenience; the file name alone still identifies the problem.
        }
        return "";
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    private static boolean flag(Element parent, String name) {
        return "true".equalsIgnoreCase(text(parent, name));
    }

    private static int intValue(Path file, Element root, String name, int defaultValue) {
        String t = text(root, name);
        if (t == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new MetadataException(file + lineOf(file, "<" + name + ">") + ": <" + name
                    + "> is not a whole number: " + t);
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
