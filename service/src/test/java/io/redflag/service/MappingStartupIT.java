package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A mapping that names a field the org lacks stops start-up, naming the file, the line and Object.Field. */
class MappingStartupIT {

    @Test
    void aMappedFieldTheOrgLacksStopsStartUp(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("my-mapping.yaml");
        String shipped = Files.readString(Path.of("../mappings/salesforce.yaml"));
        int line = shipped.substring(0, shipped.indexOf("      title: Title")).split("\n", -1).length;
        Files.writeString(mapping, shipped.replace("      title: Title", "      title: Job_Title__c"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class)
                .run("--server.port=0", "--redflag.salesforce.demo-port=0", "--redflag.mapping.file=" + mapping)
                .close())
                .rootCause().hasMessageContaining("my-mapping.yaml:" + line + ": Contact.Job_Title__c: no such field");
    }

    @Test
    void aMissingMappingFileIsNamed() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class)
                .run("--server.port=0", "--redflag.salesforce.demo-port=0", "--redflag.mapping.file=/no/such.yaml")
                .close())
                .rootCause().hasMessageContaining("redflag.mapping.file (REDFLAG_MAPPING_FILE) = /no/such.yaml");
    }
}
