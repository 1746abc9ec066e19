package nl.loket.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** A source link is checked as a browser reaches it, within the timeout, and nothing but the link is sent. */
class SourceLinkCheckerTest {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    WireMockServer site = new WireMockServer(options().dynamicPort());
    SourceLinkChecker checker = new SourceLinkChecker(Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() {
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    @Test
    void aPageThatAnswers200IsOkWithOnlyAHeadRequestAndNoCookieOrReferrer() {
        site.stubFor(head(urlEqualTo("/diensten/paspoort/")).willReturn(aResponse().withStatus(200)));

        SourceCheck check = checker.check(site.baseUrl() + "/diensten/paspoort/");

        assertThat(check.result()).isEqualTo(SourceCheck.Result.OK);
        assertThat(check.httpStatus()).isEqualTo(200);
        assertThat(check.checkedAt()).isEqualTo(NOW);
        assertThat(check.url()).isEqualTo(site.baseUrl() + "/diensten/paspoort/");
        site.verify(headRequestedFor(urlEqualTo("/diensten/paspoort/"))
                .withHeader("User-Agent", equalTo(SourceLinkChecker.USER_AGENT))
                .withHeader("Cookie", absent()).withHeader("Referer", absent()));
        site.verify(0, getRequestedFor(urlEqualTo("/diensten/paspoort/")));
    }

    @Test
    void aPageThatAnswers404IsBrokenWithItsStatus() {
        site.stubFor(head(urlEqualTo("/weg")).willReturn(aResponse().withStatus(404)));

        SourceCheck check = checker.check(site.baseUrl() + "/weg");

        assertThat(check.result()).isEqualTo(SourceCheck.Result.BROKEN);
        assertThat(check.httpStatus()).isEqualTo(404);
        assertThat(check.label()).isEqualTo("werkt niet (404)");
    }

    @Test
    void aServerThatRefusesHeadWith405IsAskedWithGetAndItsLargeBodyIsNotRead() {
        site.stubFor(head(urlEqualTo("/geen-head")).willReturn(aResponse().withStatus(405)));
        site.stubFor(get(urlEqualTo("/geen-head")).willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(5_000_000))));

        SourceCheck check = checker.check(site.baseUrl() + "/geen-head");

        assertThat(check.result()).isEqualTo(SourceCheck.Result.OK);
        assertThat(check.httpStatus()).isEqualTo(200);
        site.verify(1, getRequestedFor(urlEqualTo("/geen-head")));
    }

    @Test
    void aServerThatDoesNotImplementHeadWith501IsAskedWithGetToo() {
        site.stubFor(head(urlEqualTo("/oud")).willReturn(aResponse().withStatus(501)));
        site.stubFor(get(urlEqualTo("/oud")).willReturn(aResponse().withStatus(404)));

        SourceCheck check = checker.check(site.baseUrl() + "/oud");

        assertThat(check.result()).isEqualTo(SourceCheck.Result.BROKEN);
        assertThat(check.httpStatus()).as("the GET answer counts").isEqualTo(404);
    }

    @Test
    void aPageThatMovedIsFollowedToItsNewAddressAndOkWhenThatAnswers() {
        site.stubFor(head(urlEqualTo("/oude-pagina")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", site.baseUrl() + "/nieuwe-pagina")));
        site.stubFor(head(urlEqualTo("/nieuwe-pagina")).willReturn(aResponse().withStatus(200)));

        SourceCheck check = checker.check(site.baseUrl() + "/oude-pagina");

        assertThat(check.result()).isEqualTo(SourceCheck.Result.OK);
        assertThat(check.httpStatus()).isEqualTo(200);
        site.verify(headRequestedFor(urlEqualTo("/nieuwe-pagina")));
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheTimeoutIsBrokenAndTheCheckDoesNotWaitLonger() {
        site.stubFor(head(urlEqualTo("/traag")).willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));

        long start = System.nanoTime();
        SourceCheck check = checker.check(site.baseUrl() + "/traag");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(check.result()).isEqualTo(SourceCheck.Result.BROKEN);
        assertThat(check.httpStatus()).isNull();
        assertThat(check.problem()).isEqualTo("timeout");
        assertThat(check.label()).isEqualTo("werkt niet (time-out)");
        assertThat(took).as("bounded by the timeout, not the server").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServerThatRefusesTheConnectionIsBroken() {
        String url = site.baseUrl() + "/";
        site.stop();

        SourceCheck check = checker.check(url);

        assertThat(check.result()).isEqualTo(SourceCheck.Result.BROKEN);
        assertThat(check.problem()).isEqualTo("connection");
    }
}
