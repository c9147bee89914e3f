package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One source of truth: every custom field the shipped mapping reads is defined in the CRM plugin's package
 * (plugin/force-app), so an admin who installs the package has every field the default mapping needs.
 */
class PluginDefinesMappedFieldsTest {
    private static final Path OBJECTS = Path.of("../plugin/force-app/main/default/objects");

    @Test
    void everyCustomFieldTheDefaultMappingReadsIsInThePackage() {
        Mapping mapping = MappingLoader.load(MappingLoaderTest.DEFAULT);
        List<String> custom = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Mapping.EntityMapping e : mapping.entities().values()) {
            for (Mapping.FieldRef f : e.fields().values()) {
                if (!f.field().endsWith("__c")) {
                    continue;
                }
                custom.add(e.object() + "." + f.field());
                // Task and Event fields live on Activity in SFDX source.
                String folder = e.object().equals("Task") || e.object().equals("Event") ? "Activity" : e.object();
                if (!Files.isRegularFile(OBJECTS.resolve(folder).resolve("fields").resolve(f.field()
                        + ".field-meta.xml"))) {
                    missing.add(e.object() + "." + f.field() + " (line " + f.line() + ")");
                }
            }
        }
        assertThat(custom).as("the default mapping reads custom fields").isNotEmpty();
        assertThat(missing).as("custom fields the default mapping reads but plugin/force-app does not define").isEmpty();
    }

    @Test
    void everyFieldTheServiceWritesIsInThePackage() {
        List<String> missing = new ArrayList<>();
        for (var f : io.redflag.connector.writeback.WrittenFields.ALL) {
            String folder = f.object().equals("Task") || f.object().equals("Event") ? "Activity" : f.object();
            Path file = OBJECTS.resolve(folder).resolve("fields").resolve(f.name() + ".field-meta.xml");
            if (!Files.isRegularFile(file)) {
                missing.add(f.qualified());
            }
        }
        assertThat(io.redflag.connector.writeback.WrittenFields.ALL).isNotEmpty();
        assertThat(missing).as("fields the service writes but plugin/force-app does not define").isEmpty();
    }
}
