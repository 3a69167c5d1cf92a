package org.rapporteur.embedded.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rapporteur.shared.problem.ProblemType;

/**
 * What makes an OpenAPI description one that client generators accept and that tells the truth
 * about this API; each finding names where it is. Used on the embedded default's description and
 * on each side's own.
 */
final class OpenApiChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  /** The audit trail's filter on who acted: a query of the contract, not the caller's identity. */
  private static final String AUDIT = "GET /api/reports/{reportId}/audit";

  private OpenApiChecks() {}

  /** Every finding in the description, empty when it is valid and describes this API as it is. */
  static List<String> findings(String description) throws Exception {
    List<String> findings = new ArrayList<>(parserMessages(description));
    JsonNode root = JSON.readTree(description);
    unresolvedReferences(root, root, "", findings);
    operations(root, findings);
    problemCatalogue(root, findings);
    return findings;
  }

  /** "METHOD path" of every operation described. */
  static Set<String> operations(String description) throws Exception {
    Set<String> operations = new TreeSet<>();
    JsonNode paths = JSON.readTree(description).path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(method -> {
        if (METHODS.contains(method)) {
          operations.add(method.toUpperCase() + " " + path.getKey());
        }
      });
    }
    return operations;
  }

  /** The errors and warnings of swagger-parser, the reader openapi-generator and others use. */
  private static List<String> parserMessages(String description) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(description, null, options);
    List<String> messages = new ArrayList<>();
    if (result.getOpenAPI() == null) {
      messages.add("swagger-parser read no OpenAPI document");
    }
    if (result.getMessages() != null) {
      result.getMessages().forEach(message -> messages.add("swagger-parser: " + message));
    }
    return messages;
  }

  private static void unresolvedReferences(JsonNode root, JsonNode node, String at, List<String> findings) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals("$ref")) {
          String ref = field.getValue().asText();
          if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
            findings.add(at + ": $ref " + ref + " does not resolve");
          }
        } else {
          unresolvedReferences(root, field.getValue(), at + "/" + field.getKey(), findings);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        unresolvedReferences(root, node.get(i), at + "/" + i, findings);
      }
    }
  }

  private static void operations(JsonNode root, List<String> findings) {
    Set<String> operationIds = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        findings.add(path.getKey() + ": a path outside the API is described");
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = op.getValue();
        if (operation.path("summary").asText().isBlank()) {
          findings.add(name + ": no summary");
        }
        String operationId = operation.path("operationId").asText();
        if (operationId.isBlank()) {
          findings.add(name + ": no operationId");
        } else if (!operationIds.add(operationId)) {
          findings.add(name + ": operationId " + operationId + " is used twice");
        }
        for (JsonNode parameter : operation.path("parameters")) {
          if (parameter.path("name").asText().equalsIgnoreCase("actor")
              && !(name.equals(AUDIT) && parameter.path("in").asText().equals("query") && !parameter.path("required").asBoolean())) {
            findings.add(name + ": asks for the actor, which comes from authentication");
          }
        }
        JsonNode body = operation.path("requestBody").path("content");
        body.fieldNames().forEachRemaining(type -> {
          if (!type.equals("application/json")) {
            findings.add(name + ": takes a body of " + type + ", not application/json");
          }
        });
        responses(name, operation.path("responses"), findings);
      }
    }
  }

  private static void responses(String name, JsonNode responses, List<String> findings) {
    boolean success = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      String status = response.getKey();
      JsonNode content = response.getValue().path("content");
      if (status.startsWith("2")) {
        success = true;
        content.fieldNames().forEachRemaining(type -> {
          if (type.contains("*")) {
            findings.add(name + " " + status + ": typed " + type);
          }
        });
        continue;
      }
      List<String> types = new ArrayList<>();
      content.fieldNames().forEachRemaining(types::add);
      if (!types.equals(List.of(PROBLEM_JSON))) {
        findings.add(name + " " + status + ": typed " + types + ", not " + PROBLEM_JSON + " only");
      } else if (!content.path(PROBLEM_JSON).path("schema").path("$ref").asText().equals(PROBLEM_REF)) {
        findings.add(name + " " + status + ": not the Problem schema");
      }
    }
    if (!success) {
      findings.add(name + ": no successful answer described");
    }
  }

  /** The document lists the catalogue once, exactly as the enum has it. */
  private static void problemCatalogue(JsonNode root, List<String> findings) {
    JsonNode listed = root.path("x-problem-types");
    ProblemType[] catalogue = ProblemType.values();
    if (listed.size() != catalogue.length) {
      findings.add("x-problem-types lists " + listed.size() + " types, the catalogue has " + catalogue.length);
      return;
    }
    for (int i = 0; i < catalogue.length; i++) {
      ProblemType type = catalogue[i];
      JsonNode entry = listed.get(i);
      List<String> members = new ArrayList<>();
      entry.path("members").forEach(member -> members.add(member.asText()));
      if (!entry.path("type").asText().equals(type.type())
          || entry.path("status").asInt() != type.status()
          || !entry.path("title").asText().equals(type.title())
          || !members.equals(type.members().stream().map(ProblemType.Member::memberName).toList())) {
        findings.add("x-problem-types[" + i + "] is " + entry + ", not " + type.slug() + " of the catalogue");
      }
    }
    for (ProblemType.Member member : ProblemType.Member.values()) {
      if (root.at("/components/schemas/Problem/properties/" + member.memberName()).isMissingNode()) {
        findings.add("the Problem schema has no member " + member.memberName());
      }
    }
  }
}
