package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema that editors and CI can use describes the shipped mapping, and rejects a broken one. */
class MappingSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../mappings/salesforce.schema.json")));
    }

    @Test
    void theShippedMappingMatchesTheSchema() throws Exception {
        JsonNode mapping = YAML.readTree(Files.readString(MappingLoaderTest.DEFAULT));
        assertThat(schema().validate(mapping)).isEmpty();
    }

    @Test
    void unknownKeysAndBadFieldNamesBreakTheSchema() throws Exception {
        JsonNode broken = YAML.readTree("""
                version: 1
                entities:
                  account:
                    object: Account
                    fields: {id: "not a field name"}
                    colour: red
                """);
        Set<ValidationMessage> errors = schema().validate(broken);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("colour"))
                .anySatisfy(m -> assertThat(m).contains("user"));
    }
}
