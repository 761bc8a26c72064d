package io.contractflow.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contract's custom field values as the {@code jsonb} column holds them: decimals stay decimals
 * ({@code 1200.50} reads back as exactly that, not as a double) and are written in plain notation.
 */
@Converter
class CustomFieldsColumn implements AttributeConverter<Map<String, Object>, String> {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();
  private static final TypeReference<TreeMap<String, Object>> VALUES = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(Map<String, Object> values) {
    try {
      return JSON.writeValueAsString(values == null ? Map.of() : values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Map<String, Object> convertToEntityAttribute(String json) {
    try {
      return json == null || json.isBlank() ? new TreeMap<>() : JSON.readValue(json, VALUES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
