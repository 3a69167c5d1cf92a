package org.rapporteur.shared.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every rule the API can refuse a request for: its stable slug (the problem's
 * {@code type} is {@link #TYPE_PREFIX} and the slug), its HTTP status, its title and the members
 * the problem carries beside RFC 9457's own. The HTTP answers of both sides, the OpenAPI
 * description and docs/api.md all come from here, so a rule is added here first.
 */
public enum ProblemType {
  // Refusals of the request as such, before any rule of a report is looked at.
  MALFORMED_REQUEST(400, "malformed-request", "Malformed request", "The body is not valid JSON."),
  UNKNOWN_FIELD(
      400,
      "unknown-field",
      "Unknown field",
      "The body carries a field the command does not take, such as who acted, a status, an author or a revision.",
      Member.FIELD),
  INVALID_FIELD(
      400,
      "invalid-field",
      "Invalid field",
      "A body field is missing, too long, or has a value of the wrong type or form.",
      Member.FIELD,
      Member.ERRORS),
  INVALID_ID(400, "invalid-id", "Invalid id", "A client-chosen id is not of the allowed form."),
  INVALID_PARAMETER(
      400, "invalid-parameter", "Invalid parameter", "A query parameter is missing or has an invalid value.", Member.FIELD),
  UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated", "Credentials are missing or not valid."),
  SIGN_IN_UNAVAILABLE(
      404,
      "sign-in-unavailable",
      "Sign-in unavailable",
      "Passwords are taken only in the embedded default; elsewhere sign in with the organisation's identity provider."),
  UNKNOWN_PATH(404, "unknown-path", "Unknown path", "No such path in the API."),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "The path does not take this method."),
  NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "The path cannot answer in the media type asked for."),
  REQUEST_TOO_LARGE(
      413, "request-too-large", "Request too large", "The request body is larger than rapporteur.http.max-request-size."),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", "The body is not application/json."),
  CROSS_SITE_REQUEST(
      403,
      "cross-site-request",
      "Cross-site request",
      "A browser sent this state-changing request from another site (Origin or Sec-Fetch-Site); it changed nothing."),
  TOO_MANY_SIGN_IN_FAILURES(
      429,
      "too-many-sign-in-failures",
      "Too many sign-in failures",
      "Too many failed sign-ins for this user or from this address; try again after Retry-After seconds."),
  INVALID_IDEMPOTENCY_KEY(
      400, "invalid-idempotency-key", "Invalid idempotency key", "An Idempotency-Key is 1 to 255 visible ASCII characters."),
  IDEMPOTENCY_KEY_REUSED(
      422,
      "idempotency-key-reused",
      "Idempotency key reused",
      "The Idempotency-Key was used by the same user for another request (method, path or body)."),
  IDEMPOTENCY_KEY_IN_FLIGHT(
      409,
      "idempotency-key-in-flight",
      "Idempotency key in flight",
      "A request with this Idempotency-Key is still running; ask again after Retry-After seconds to get its answer."),
  HTTP_ERROR(
      400,
      "http-error",
      "Refused by the HTTP server",
      "The HTTP server refused the request before the API saw it (for example 414 or 431); "
          + "the problem's status is the exact one."),
  INTERNAL_ERROR(500, "internal-error", "Internal error", "An unexpected failure; nothing was changed."),

  // The report's rules, decided by the report aggregate (command side).
  MISSING_FIELD(400, "missing-field", "Missing field", "A required field is missing.", Member.FIELD),
  BLANK_TEXT(400, "blank-text", "Blank text", "A text, title or comment is blank.", Member.FIELD),
  TEXT_TOO_LONG(
      400,
      "text-too-long",
      "Text too long",
      "A title holds at most 500 characters, a symbol 100, texts, comments and other header fields 20,000.",
      Member.FIELD),
  INVALID_CHARACTER(
      400,
      "invalid-character",
      "Invalid character",
      "A text holds a control character other than tab and line breaks, or an unpaired surrogate.",
      Member.FIELD),
  INVALID_CHAPTER(400, "invalid-chapter", "Invalid chapter", "A chapter is not a Roman numeral (I, II, III ...).", Member.FIELD),
  TOO_MANY_FOOTNOTES(400, "too-many-footnotes", "Too many footnotes", "A header holds at most 20 footnotes.", Member.FIELD),
  INVALID_SESSION_NUMBER(
      400, "invalid-session-number", "Invalid session number", "sessionNumber must be positive.", Member.FIELD),
  INVALID_DATES(400, "invalid-dates", "Invalid dates", "startDate is after endDate.", Member.FIELD),
  UNKNOWN_REFERENCE(
      400,
      "unknown-reference",
      "Unknown reference",
      "An id in the body (a section, agenda item, paragraph) is not in this report.",
      Member.FIELD),
  UNKNOWN_ENTITY(
      400,
      "unknown-entity",
      "Unknown entity",
      "An entity code is not in the registry of entities (rapporteur.entities).",
      Member.FIELD),
  DUPLICATE_ENTITY(400, "duplicate-entity", "Duplicate entity", "memberEntities names an entity twice.", Member.FIELD),
  UNCHANGED_TEXT(400, "unchanged-text", "Unchanged text", "A revision must change the paragraph's text.", Member.FIELD),
  FORBIDDEN_ROLE(403, "forbidden-role", "Forbidden role", "The caller's role may not take this action."),
  DELEGATE_WITHOUT_ENTITY(403, "delegate-without-entity", "Delegate without entity", "The delegate represents no entity."),
  NOT_AUTHOR_ENTITY(
      403, "not-author-entity", "Not the author's entity", "A delegate acts only on its own entity's paragraphs."),
  SEGREGATION_OF_DUTIES(
      403,
      "segregation-of-duties",
      "Segregation of duties",
      "A chair cannot approve a revision they wrote (rapporteur.approval.segregation-of-duties)."),
  UNKNOWN_REPORT(404, "unknown-report", "Unknown report", "No report with this reportId exists."),
  UNKNOWN_ID(404, "unknown-id", "Unknown id", "An id in the path is not of the form ids have (1 to 64 letters, digits, '.', '_' or '-'), so no such object exists."),
  UNKNOWN_AGENDA_ITEM(404, "unknown-agenda-item", "Unknown agenda item", "The agenda item in the path is not in this report."),
  UNKNOWN_PARTICIPANT(404, "unknown-participant", "Unknown participant", "The participant in the path is not in this report."),
  UNKNOWN_PARAGRAPH(404, "unknown-paragraph", "Unknown paragraph", "The paragraph in the path is not in this report."),
  UNKNOWN_MEMBER(404, "unknown-member", "Unknown member", "The entity in the path is not a member of this report."),
  UNKNOWN_DECISION(404, "unknown-decision", "Unknown decision", "The decision in the path is not in this report."),
  REPORT_EXISTS(409, "report-exists", "Report exists", "A report with this reportId exists already."),
  ALREADY_MEMBER(409, "already-member", "Already a member", "The entity is a member of this report already."),
  DUPLICATE_ID(409, "duplicate-id", "Duplicate id", "The report already has an object with this id."),
  CONCURRENT_MODIFICATION(
      409,
      "concurrent-modification",
      "Concurrent modification",
      "The report changed at the same time on another node and the retries ran out; send the command again."),
  REPORT_ADOPTED(409, "report-adopted", "Report adopted", "The report is adopted and frozen."),
  AGENDA_ALREADY_ADOPTED(409, "agenda-already-adopted", "Agenda already adopted", "The agenda is adopted; its items are fixed."),
  EMPTY_AGENDA(409, "empty-agenda", "Empty agenda", "The agenda has no live item to adopt."),
  AGENDA_ITEM_WITHDRAWN(409, "agenda-item-withdrawn", "Agenda item withdrawn", "The agenda item is withdrawn."),
  PARAGRAPH_WITHDRAWN(409, "paragraph-withdrawn", "Paragraph withdrawn", "The paragraph is withdrawn."),
  STALE_REVISION(
      409,
      "stale-revision",
      "Stale revision",
      "baseRevision is not the paragraph's current revision; merge with the current text and revise again.",
      Member.CURRENT_REVISION,
      Member.CURRENT_TEXT),
  PARAGRAPH_NOT_SUBMITTABLE(
      409, "paragraph-not-submittable", "Paragraph not submittable", "Only a draft or returned paragraph can be submitted."),
  PARAGRAPH_NOT_SUBMITTED(
      409, "paragraph-not-submitted", "Paragraph not submitted", "Only a submitted paragraph can be approved or returned."),
  REVISION_NOT_CURRENT(
      409, "revision-not-current", "Revision not current", "The revision to approve is not the paragraph's current one."),
  ALREADY_APPROVED(409, "already-approved", "Already approved", "This revision of the paragraph is approved already."),
  DECISION_NOT_PROPOSED(409, "decision-not-proposed", "Decision not proposed", "Only a proposed decision can be adopted."),
  REPORT_NOT_READY(
      409,
      "report-not-ready",
      "Report not ready",
      "The report cannot be adopted, nor taken into an adoption session, while a live paragraph is not approved or a"
          + " decision not adopted; in session it cannot be adopted while a live paragraph is not adopted in session."),

  // The adoption session and what follows it (API.md 1.1).
  RESERVATION_TARGET(
      400,
      "reservation-target",
      "Reservation target",
      "A reservation or explanation of position bears on exactly one paragraph or one decision.",
      Member.FIELD),
  DUPLICATE_CORRECTION(
      400, "duplicate-correction", "Duplicate correction", "A corrigendum corrects each paragraph once.", Member.FIELD),
  UNKNOWN_ORAL_AMENDMENT(
      404, "unknown-oral-amendment", "Unknown oral amendment", "The oral amendment in the path was not proposed on this paragraph."),
  UNKNOWN_CORRIGENDUM(404, "unknown-corrigendum", "Unknown corrigendum", "The report has no corrigendum of this number."),
  NOT_IN_SESSION(
      409, "not-in-session", "Not in session", "The act is taken only while the report is in its adoption session."),
  SESSION_ALREADY_OPEN(
      409, "session-already-open", "Session already open", "The report is in its adoption session already."),
  DRAFTING_CLOSED_IN_SESSION(
      409,
      "drafting-closed-in-session",
      "Drafting closed in session",
      "In the adoption session delegates draft nothing and paragraphs are no longer revised, submitted, approved or"
          + " returned, nor decisions proposed or adopted: the text changes only by oral amendments the chair accepts."),
  PARAGRAPH_ADOPTED_IN_SESSION(
      409,
      "paragraph-adopted-in-session",
      "Paragraph adopted in session",
      "The meeting adopted this paragraph in session; its text is settled."),
  ALREADY_BRACKETED(409, "already-bracketed", "Already bracketed", "The paragraph is in brackets already."),
  ORAL_AMENDMENT_ALREADY_ACCEPTED(
      409, "oral-amendment-already-accepted", "Oral amendment already accepted", "The chair accepted this oral amendment already."),
  STALE_ORAL_AMENDMENT(
      409,
      "stale-oral-amendment",
      "Stale oral amendment",
      "The oral amendment was proposed on an earlier text of the paragraph, since amended; propose it again on the"
          + " current text."),
  NOT_ADOPTED_AD_REFERENDUM(
      409, "not-adopted-ad-referendum", "Not adopted ad referendum", "Only a report adopted ad referendum is confirmed."),
  REPORT_NOT_ADOPTED(
      409,
      "report-not-adopted",
      "Report not adopted",
      "A corrigendum corrects an adopted report only, and not one adopted ad referendum until its adoption is confirmed."),
  EVENT_TOO_LARGE(
      413,
      "event-too-large",
      "Event too large",
      "The event the command would record is larger than rapporteur.events.max-bytes.",
      Member.BYTES,
      Member.MAX_BYTES),

  // The query side and the operations.
  POSITION_NOT_REACHED(
      503,
      "position-not-reached",
      "Position not reached",
      "The projection has not applied minPosition within rapporteur.kafka.max-position-wait; "
          + "ask again after the Retry-After header's seconds."),
  UNKNOWN_REBUILD(404, "unknown-rebuild", "Unknown rebuild", "No rebuild with this rebuildId is known to this instance."),
  REBUILD_RUNNING(409, "rebuild-running", "Rebuild running", "A rebuild of the projections is running already."),
  REPORT_PROJECTED_ELSEWHERE(
      409,
      "report-projected-elsewhere",
      "Report projected elsewhere",
      "Another query-side instance projects this report; ask that one."),
  TEXT_NOT_AS_APPROVED(
      409,
      "text-not-as-approved",
      "Text not as approved",
      "An adopted report's paragraph text is not the text its last approval fixed (by hash); it is not rendered.",
      Member.PARAGRAPH_IDS),
  HISTORY_LOST(409, "history-lost", "History lost", "The log no longer starts at offset 0, so the report cannot be projected again.");

  /** Every problem {@code type} is this prefix and the rule's slug. */
  public static final String TYPE_PREFIX = "urn:rapporteur:problem:";

  private static final Map<String, ProblemType> BY_SLUG =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

  private final int status;
  private final String slug;
  private final String title;
  private final String description;
  private final List<Member> members;

  ProblemType(int status, String slug, String title, String description, Member... members) {
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.description = description;
    this.members = List.of(members);
  }

  /** The rule of this slug; a slug not in the catalogue is a programming error, never the client's. */
  public static ProblemType forSlug(String slug) {
    ProblemType type = BY_SLUG.get(slug);
    if (type == null) {
      throw new IllegalArgumentException("the problem catalogue has no rule '" + slug + "'");
    }
    return type;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  /** The problem's {@code type}: {@code urn:rapporteur:problem:<slug>}. */
  public String type() {
    return TYPE_PREFIX + slug;
  }

  public String title() {
    return title;
  }

  /** The rule in words, as the catalogue documents it; a problem's {@code detail} says it for the case at hand. */
  public String description() {
    return description;
  }

  /** The members this problem carries beside type, title, status, detail and instance. */
  public List<Member> members() {
    return members;
  }

  /** A member some problems carry beside RFC 9457's own, always under the same name and JSON type. */
  public enum Member {
    FIELD("field", "string", "The body field or query parameter at fault."),
    ERRORS("errors", "array", "Every invalid body field, as objects {field, message}, the first of which `field` names."),
    CURRENT_REVISION("currentRevision", "integer", "The paragraph's current revision."),
    CURRENT_TEXT("currentText", "string", "The paragraph's current text."),
    BYTES("bytes", "integer", "The size of the event the command would have recorded, in bytes."),
    MAX_BYTES("maxBytes", "integer", "The largest event the store accepts, in bytes."),
    PARAGRAPH_IDS("paragraphIds", "array", "The paragraphs whose text is not the text their approval fixed.");

    private final String name;
    private final String jsonType;
    private final String description;

    Member(String name, String jsonType, String description) {
      this.name = name;
      this.jsonType = jsonType;
      this.description = description;
    }

    /** The member's name in the problem's JSON object. */
    public String memberName() {
      return name;
    }

    /** Its JSON Schema type: string, integer or array. */
    public String jsonType() {
      return jsonType;
    }

    public String description() {
      return description;
    }
  }
}
