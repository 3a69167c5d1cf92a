package org.rapporteur.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rapporteur.shared.problem.ProblemType;
import org.rapporteur.shared.report.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}): both ways
 * to authenticate, and the RFC 9457 problems every operation can answer with, listed once from
 * the catalogue ({@link ProblemType}) as the document's {@code x-problem-types}. In the embedded
 * default one document covers both sides; deployed apart, each side describes its own paths.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_TYPES = "x-problem-types";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON = "application/json";
  private static final String ANY = "*/*";
  /** The body type of the commands that take none (see ReportCommandRequests): described as no body. */
  private static final String NO_BODY = "NoFields";

  /** What the query parameters of both sides mean, by name: one place instead of each handler's. */
  private static final Map<String, String> PARAMETERS =
      Map.ofEntries(
          Map.entry("minPosition", "Wait until the projection has applied this position of the report (503 with Retry-After past the wait)."),
          Map.entry("asOf", "The draft as it stood at this instant (ISO-8601 UTC)."),
          Map.entry("atPosition", "The draft as it stood at this position of the report."),
          Map.entry("afterPosition", "Only entries after this position (paging; the Link header names the next page)."),
          Map.entry("limit", "At most this many entries, 1 to 10000 (default 1000)."),
          Map.entry("actor", "Only entries of this user (a filter on who acted; the caller is always the authenticated one)."),
          Map.entry("type", "Only events of this type, e.g. ParagraphRevised."),
          Map.entry("from", "Only entries at or after this instant."),
          Map.entry("to", "Only entries before this instant."),
          Map.entry("paragraphId", "Only the events of this paragraph."),
          Map.entry("reportId", "Only this report's entries (minPosition then refers to it)."));

  static {
    // Who acts comes from authentication (ActorArgumentResolver), never from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Bean
  OpenAPI rapporteurApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Rapporteur API")
                .version("1")
                .description(
                    "Drafts, approves and publishes meeting reports; the reference is docs/api.md. Every error is an "
                        + "RFC 9457 problem (application/problem+json) whose type names the rule; "
                        + PROBLEM_TYPES + " lists every rule with its status, title and members."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                            "Embedded default only: the demo users secretary, chair, auditor, admin and the delegates "
                                + "itu, wmo, oosa, unodc; password demo unless configured otherwise."))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "Production (rapporteur.identity.mode=jwt): a JWT from the organisation's identity provider "
                                + "with the configured issuer and audience; the role and the delegate's entity come from "
                                + "configurable claims (default role and entity).")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        // Named, not taken from the request: the description is the same wherever it is fetched.
        .addServersItem(
            new Server()
                .url("http://localhost:8080")
                .description("The embedded default; in docker-compose, the front door on the same port."));
  }

  /**
   * Runs on the finished document: the problem schema and catalogue (springdoc would drop schemas
   * given up front), every API operation's refusals, and JSON named as JSON.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.addExtension(PROBLEM_TYPES, catalogue());
      if (api.getPaths() != null) {
        api.getPaths().forEach((path, item) -> {
          if (path.startsWith("/api/")) {
            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation));
          }
        });
      }
      // Springdoc's own schemas for what the operations no longer mention.
      api.getComponents().getSchemas().remove("ProblemDetail");
      api.getComponents().getSchemas().remove(NO_BODY);
      contractSchemas(api.getComponents().getSchemas());
      if (api.getTags() != null) {
        api.getTags().sort(Comparator.comparing(Tag::getName));
      }
    };
  }

  /**
   * Where the contract's JSON is not what its Java types suggest: the audit entry's payload is the
   * event's JSON object (written raw), and a section's units carry no type property (Jackson tells
   * them apart by their fields), so they are described as one object whose ids say which it is:
   * generators read an untagged oneOf of two such objects as ambiguous whenever both could match.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void contractSchemas(Map<String, Schema> schemas) {
    Schema<?> audit = schemas.get("AuditEntry");
    if (audit != null && audit.getProperties() != null) {
      audit.getProperties().put("payload", new ObjectSchema().description("The event's JSON, as Kafka carries it."));
    }
    Schema<?> section = schemas.get("SectionView");
    Schema paragraph = schemas.remove("ParagraphUnit");
    Schema decision = schemas.remove("DecisionUnit");
    if (section == null || paragraph == null || decision == null) {
      return;
    }
    ObjectSchema unit = new ObjectSchema();
    unit.description(
        "A numbered unit of a section: a paragraph (paragraphId and revision set) or a decision (decisionId and kind set). "
            + "A withdrawn unit keeps its status and has no number.");
    for (Schema part : List.of(paragraph, decision)) {
      for (Schema piece : (List<Schema>) part.getAllOf()) {
        if (piece.getProperties() == null) {
          continue;
        }
        ((Map<String, Schema>) piece.getProperties()).forEach((name, property) -> {
          Schema known = unit.getProperties() == null ? null : unit.getProperties().get(name);
          if (known == null) {
            unit.addProperty(name, property);
          } else if (known.getEnum() != null && property.getEnum() != null) {
            // A new schema: springdoc may share the enum's schema with other properties.
            StringSchema statuses = new StringSchema();
            Stream.concat(((List<Object>) known.getEnum()).stream(), ((List<Object>) property.getEnum()).stream())
                .map(value -> String.valueOf(value))
                .distinct()
                .forEach(statuses::addEnumItem);
            unit.addProperty(name, statuses);
          }
        });
      }
    }
    schemas.put("DraftUnit", unit);
    ((Schema) section.getProperties().get("paragraphs")).setItems(new Schema<>().$ref("#/components/schemas/DraftUnit"));
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(parameter -> "query".equals(parameter.getIn()) && parameter.getDescription() == null)
          .forEach(parameter -> parameter.setDescription(PARAMETERS.get(parameter.getName())));
    }
    if (operation.getRequestBody() != null && refersTo(operation.getRequestBody().getContent(), NO_BODY)) {
      operation.setRequestBody(null);
    }
    ApiResponses answers = new ApiResponses();
    if (operation.getResponses() != null) {
      operation.getResponses().forEach((status, response) -> {
        if (status.startsWith("2")) {
          answers.addApiResponse(status, asJson(response));
        }
      });
    }
    if (answers.keySet().stream().anyMatch(status -> !status.equals("200"))) {
      answers.remove("200"); // springdoc's default beside the status the operation declares
    }
    refusals(path, method, operation.getRequestBody() != null).forEach(
        (status, description) ->
            answers.addApiResponse(
                status,
                new ApiResponse()
                    .description(description + " Rules: " + rulesOf(Integer.parseInt(status)) + ".")
                    .content(
                        new Content()
                            .addMediaType(
                                PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    operation.setResponses(answers);
  }

  /** Which refusals apply follows from the method, whether the path names an object and whether a body is sent. */
  private static Map<String, String> refusals(String path, PathItem.HttpMethod method, boolean body) {
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("400", "Malformed JSON, a missing, unknown or invalid field or parameter (the problem names the `field`).");
    refusals.put("401", "No credentials, or credentials that are not valid.");
    refusals.put("403", "The caller's role or entity may not take this action.");
    if (path.contains("{")) {
      refusals.put("404", "An id in the path does not exist in that report.");
    }
    if (method == PathItem.HttpMethod.GET) {
      refusals.put("503", "The projection has not reached minPosition within the wait; retry after Retry-After.");
    } else {
      refusals.put("409", "The report's state forbids the command.");
      if (body) {
        refusals.put("413", "The request body, or the event it would record, is larger than the configured limit.");
        refusals.put("415", "The body is not application/json.");
      }
    }
    refusals.put("500", "An unexpected failure; nothing was changed.");
    return refusals;
  }

  private static String rulesOf(int status) {
    return Arrays.stream(ProblemType.values())
        .filter(type -> type.status() == status)
        .map(ProblemType::slug)
        .collect(Collectors.joining(", "));
  }

  /** Springdoc types answers of handlers that do not name a media type as any; they are JSON. */
  private static ApiResponse asJson(ApiResponse response) {
    Content content = response.getContent();
    if (content != null && content.containsKey(ANY)) {
      MediaType any = content.remove(ANY);
      content.addMediaType(JSON, any);
    }
    return response;
  }

  private static boolean refersTo(Content content, String schema) {
    return content != null
        && content.values().stream()
            .anyMatch(media -> media.getSchema() != null && ("#/components/schemas/" + schema).equals(media.getSchema().get$ref()));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema schema = new ObjectSchema();
    schema
        .description("RFC 9457 problem details; " + PROBLEM_TYPES + " lists every type with its status and members")
        .addProperty("type", new StringSchema().description(ProblemType.TYPE_PREFIX + "<rule>, stable per rule"))
        .addProperty("title", new StringSchema().description("the rule's title in the catalogue"))
        .addProperty("status", new IntegerSchema().format("int32"))
        .addProperty("detail", new StringSchema().description("what was refused, in words"))
        .addProperty("instance", new StringSchema());
    schema.setRequired(List.of("type", "title", "status"));
    for (ProblemType.Member member : ProblemType.Member.values()) {
      schema.addProperty(member.memberName(), memberSchema(member));
    }
    return schema;
  }

  private static Schema<?> memberSchema(ProblemType.Member member) {
    String rules =
        Arrays.stream(ProblemType.values())
            .filter(type -> type.members().contains(member))
            .map(ProblemType::slug)
            .collect(Collectors.joining(", "));
    Schema<?> schema =
        switch (member.jsonType()) {
          case "integer" -> new IntegerSchema().format("int64");
          case "array" ->
              member == ProblemType.Member.PARAGRAPH_IDS
                  ? new ArraySchema().items(new StringSchema())
                  : new ArraySchema()
                      .items(
                          new ObjectSchema()
                              .addProperty("field", new StringSchema())
                              .addProperty("message", new StringSchema()));
          default -> new StringSchema();
        };
    return schema.description(member.description() + " Only in: " + rules + ".");
  }

  private static List<Map<String, Object>> catalogue() {
    List<Map<String, Object>> types = new ArrayList<>();
    for (ProblemType type : ProblemType.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", type.type());
      entry.put("status", type.status());
      entry.put("title", type.title());
      entry.put("description", type.description());
      entry.put("members", type.members().stream().map(ProblemType.Member::memberName).toList());
      types.add(entry);
    }
    return types;
  }
}
