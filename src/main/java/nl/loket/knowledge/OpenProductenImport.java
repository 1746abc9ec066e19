package nl.loket.knowledge;

import nl.loket.platform.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports the published product types of the municipality's Open Producten as draft articles in Dutch: name, summary,
 * content, prices, links and actions come from the catalogue only (never invented), and every draft goes through the
 * same four-eyes publish as an editor's. The topic is the product type's uniform product name (UPL) as a slug, so a
 * product the knowledge base has already becomes a proposed change of that article. A draft an editor is working on
 * is never replaced: the upstream change is reported instead. A product type that is no longer published is reported,
 * not taken offline. Nothing is sent to the catalogue but GETs.
 */
@Component
class OpenProductenImport {

    private static final Logger log = LoggerFactory.getLogger(OpenProductenImport.class);

    /** The author of imported drafts, as the versions and the approval show it. */
    static final String AUTHOR = "open-producten";

    private final OpenProductenProperties properties;
    private final KnowledgeEditing editing;
    private final Json json;
    private final HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private final redis.clients.jedis.util.Pool<redis.clients.jedis.Jedis> pool;
    private final nl.loket.platform.RedisKeys keys;

    OpenProductenImport(OpenProductenProperties properties, KnowledgeEditing editing, Json json,
                        redis.clients.jedis.util.Pool<redis.clients.jedis.Jedis> pool, nl.loket.platform.RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
        this.properties = properties;
        this.editing = editing;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** What one import did, per product type (by its UPL slug). */
    record Report(List<String> drafted, List<String> unchanged, Map<String, String> notImported, List<String> withdrawnUpstream,
                  int productTypes) {
    }

    boolean configured() {
        return properties.configured();
    }

    /**
     * The scheduled import ({@code sync-interval} above 0): every instance looks each minute, and the one that sets the
     * Redis key for the interval first imports, so a cluster imports once per interval.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${loket.knowledge.open-producten.poll:1m}",
            initialDelayString = "${loket.knowledge.open-producten.poll:1m}")
    void onSchedule() {
        if (!properties.configured() || properties.syncInterval().isZero() || properties.syncInterval().isNegative()) {
            return;
        }
        try (redis.clients.jedis.Jedis jedis = pool.getResource()) {
            if (!"OK".equals(jedis.set(keys.key("knowledge", "open-producten", "due"), "1",
                    redis.clients.jedis.params.SetParams.setParams().nx().px(properties.syncInterval().toMillis())))) {
                return;
            }
            sync();
        } catch (RuntimeException e) {
            log.warn("Open Producten: the scheduled import failed: {}", e.toString());
        }
    }

    /** Reads every page of published product types and drafts what is new or changed; one import at a time. */
    Report sync() {
        if (!properties.configured()) {
            throw new OpenProductenNotConfigured();
        }
        if (!running.compareAndSet(false, true)) {
            throw new OpenProductenImportRunning();
        }
        try {
            return syncNow();
        } finally {
            running.set(false);
        }
    }

    private Report syncNow() {
        List<String> drafted = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> notImported = new LinkedHashMap<>();
        List<String> withdrawn = new ArrayList<>();
        int seen = 0;
        String next = root() + "/producttypen/";
        for (int page = 0; next != null && page < properties.maxPages(); page++) {
            JsonNode list = get(next);
            for (JsonNode type : list.path("results")) {
                seen++;
                String topic = slug(text(type, "uniforme_product_naam").isBlank() ? text(type, "naam") : text(type, "uniforme_product_naam"));
                if (topic.isEmpty()) {
                    notImported.put(text(type, "id"), "no name");
                    continue;
                }
                if (!type.path("gepubliceerd").asBoolean(false)) {
                    withdrawn.add(topic);
                    continue;
                }
                try {
                    importOne(type, topic, drafted, unchanged, notImported);
                } catch (InvalidDraft e) {
                    notImported.put(topic, e.field() + ": " + e.detail());
                } catch (RuntimeException e) {
                    notImported.put(topic, e.getClass().getSimpleName());
                    log.warn("Open Producten: product type {} not imported: {}", topic, e.toString());
                }
            }
            next = nextPage(list.path("next"));
        }
        log.info("Open Producten: {} product types, {} drafted, {} unchanged, {} not imported, {} withdrawn upstream",
                seen, drafted.size(), unchanged.size(), notImported.size(), withdrawn.size());
        return new Report(drafted, unchanged, notImported, withdrawn, seen);
    }

    private void importOne(JsonNode type, String topic, List<String> drafted, List<String> unchanged,
                           Map<String, String> notImported) {
        Map<String, Object> fields = fields(type, topic, content(text(type, "id")));
        Article proposed = editing.check(fields);
        Optional<ArticleHistory> history = editing.history("nl-" + topic);
        if (history.isPresent()) {
            List<VersionView> versions = history.get().versions();
            VersionView latest = versions.get(versions.size() - 1);
            if (sameContent(latest.article(), proposed)) {
                unchanged.add(topic);
                return;
            }
            boolean draftWaiting = history.get().publishedVersion() == null || history.get().publishedVersion() < latest.number();
            if (draftWaiting && !AUTHOR.equals(latest.author())) {
                notImported.put(topic, "a draft by " + latest.author() + " waits for approval; the catalogue's change is"
                        + " not put over it (see the product type in Open Producten)");
                return;
            }
        }
        editing.saveDraft(AUTHOR, fields);
        drafted.add(topic);
    }

    /** The catalogue's facts as article fields; the examples are the questions residents ask about any product. */
    private static Map<String, Object> fields(JsonNode type, String topic, List<String> content) {
        String name = text(type, "naam").strip();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", topic);
        fields.put("language", "nl");
        fields.put("title", name);
        fields.put("summary", text(type, "samenvatting").strip());
        List<String> body = new ArrayList<>(content);
        List<String> prices = new ArrayList<>();
        for (JsonNode price : type.path("prijzen")) {
            for (JsonNode option : price.path("prijsopties")) {
                prices.add(euro(text(option, "bedrag")) + (text(option, "beschrijving").isBlank() ? ""
                        : " (" + text(option, "beschrijving").strip() + ")"));
            }
        }
        if (!prices.isEmpty()) {
            body.add("Kosten: " + String.join(", ", prices) + ".");
        }
        List<String> steps = new ArrayList<>();
        for (JsonNode action : type.path("acties")) {
            steps.add(text(action, "naam").strip() + ": " + text(action, "url").strip());
        }
        for (JsonNode link : type.path("links")) {
            steps.add(text(link, "naam").strip() + ": " + text(link, "url").strip());
        }
        StringBuilder text = new StringBuilder(String.join("\n\n", body));
        for (int i = 0; i < steps.size(); i++) {
            text.append(text.isEmpty() ? "" : i == 0 ? "\n\n" : "\n").append(i + 1).append(". ").append(steps.get(i));
        }
        fields.put("body", text.toString());
        fields.put("source", firstHttps(type).orElse(""));
        String lower = name.toLowerCase(Locale.ROOT);
        fields.put("examples", List.of(lower, "hoe vraag ik " + lower + " aan", "wat kost " + lower));
        List<String> keywords = new ArrayList<>();
        type.path("keywords").forEach(k -> keywords.add(k.asString()));
        if (!text(type, "uniforme_product_naam").isBlank()) {
            keywords.add(text(type, "uniforme_product_naam"));
        }
        fields.put("keywords", List.copyOf(new LinkedHashSet<>(keywords)));
        String updated = text(type, "update_datum");
        if (updated.length() >= 10) {
            fields.put("lastReviewed", LocalDate.parse(updated.substring(0, 10)).toString());
        }
        return fields;
    }

    private static boolean sameContent(Article a, Article b) {
        return a.title().equals(b.title()) && a.summary().equals(b.summary()) && a.body().strip().equals(b.body().strip())
               && a.source().equals(b.source());
    }

    private static Optional<String> firstHttps(JsonNode type) {
        for (String group : List.of("links", "acties")) {
            for (JsonNode item : type.path(group)) {
                String url = text(item, "url").strip();
                if (url.startsWith("https://")) {
                    return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The next page, asked of the configured base URL with the query of the {@code next} link: the link's own host may
     * be the catalogue's internal name, and a link elsewhere must never make Loket send its token there.
     */
    private String nextPage(JsonNode next) {
        if (!next.isString() || next.asString().isBlank()) {
            return null;
        }
        String query;
        try {
            query = URI.create(next.asString().strip()).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        return query == null || query.isBlank() ? null : root() + "/producttypen/?" + query;
    }

    /** The product type's content elements, as paragraphs ("Openingstijden: ma-vr 8:00-17:00"). */
    private List<String> content(String id) {
        JsonNode answer = get(root() + "/producttypen/" + id + "/content/");
        List<JsonNode> elements = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(elements::add);
        } else if (answer.isObject() && answer.has("content")) {
            elements.add(answer);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : elements) {
            String content = text(element, "content").strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            element.path("labels").forEach(l -> labels.add(l.asString()));
            out.add(labels.isEmpty() ? content : capital(String.join(", ", labels)) + ": " + content);
        }
        return out;
    }

    private JsonNode get(String url) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= properties.retries(); attempt++) {
            if (attempt > 0) {
                pause();
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                        .header("Authorization", "Token " + properties.token()).header("Accept", "application/json")
                        .header("Accept-Language", "nl").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return json.read(response.body(), JsonNode.class);
                }
                last = new IllegalStateException("Open Producten answered " + response.statusCode());
                if (response.statusCode() < 500) {
                    break;
                }
            } catch (IOException e) {
                last = new IllegalStateException("Open Producten did not answer: " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw last;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String root() {
        String base = properties.baseUrl().strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : value.isNumber() ? value.asString() : "";
    }

    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
    }

    /** "50.99" as a resident reads it: "€ 50,99". */
    static String euro(String amount) {
        try {
            BigDecimal value = new BigDecimal(amount.strip()).setScale(2, java.math.RoundingMode.HALF_UP);
            return "€ " + value.toPlainString().replace('.', ',');
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
