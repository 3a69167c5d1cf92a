package org.rapporteur.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}): both ways
 * to authenticate, and the RFC 9457 problems every operation can answer with. In the embedded
 * default one document covers both sides; deployed apart, each side describes its own paths.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI rapporteurApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Rapporteur API")
                .version("1")
                .description(
                    "Drafts, approves and publishes meeting reports. The contract is API.md, version 1. "
                        + "Every error is an RFC 9457 problem (application/problem+json) whose type names the rule."))
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
                                + "configurable claims (default role and entity)."))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  /** Every API operation may be refused; which refusals apply follows from its method. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().forEach((path, item) -> {
        if (!path.startsWith("/api/")) {
          return;
        }
        item.readOperationsMap().forEach((method, operation) -> describeRefusals(path, method, operation));
      });
    };
  }

  private static void describeRefusals(String path, PathItem.HttpMethod method, Operation operation) {
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
      refusals.put("413", "The request body is larger than the configured limit.");
      refusals.put("415", "The body is not application/json.");
    }
    refusals.put("500", "An unexpected failure; nothing was changed.");
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    refusals.forEach(
        (status, description) ->
            responses.addApiResponse(
                status,
                new ApiResponse()
                    .description(description)
                    .content(
                        new Content()
                            .addMediaType(
                                PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    operation.setResponses(responses);
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().description("urn:rapporteur:problem:<rule>, stable per rule"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("the rule, in words"))
        .addProperty("instance", new StringSchema())
        .addProperty("field", new StringSchema().description("for invalid input: the field or parameter at fault"))
        .addProperty("currentRevision", new IntegerSchema().description("stale baseRevision only"))
        .addProperty("currentText", new StringSchema().description("stale baseRevision only"));
  }
}
