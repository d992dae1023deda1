package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.spi.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void url_hidesUserInfoQueryAndFragment() {
        assertThat(Redactor.url(URI.create("https://user:pw@cdn.example:8443/a/b.png?X-Sig=abc#frag")))
                .isEqualTo("https://***@cdn.example:8443/a/b.png?...");
        assertThat(Redactor.url(URI.create("http://127.0.0.1:80/img.png"))).isEqualTo("http://127.0.0.1:80/img.png");
        assertThat(Redactor.url((URI) null)).isEqualTo("(no URL)");
    }

    @Test
    void url_redactsTextThatIsNotAValidUri() {
        assertThat(Redactor.url("http://user:p w@host/x y?token=1")).isEqualTo("http://***@host/x y?...");
        assertThat(Redactor.url("HTTP://u:p@Host/v2/")).isEqualTo("HTTP://***@Host/v2/");
    }

    @Test
    void text_hidesSecretsAlsoUrlEncodedAndUrlsAndControlCharacters() {
        Redactor r = Redactor.of(Secret.of("k+y/1"), Secret.of(""));

        assertThat(r.text("a k+y/1 b k%2By%2F1 c https://h/p?sig=k\u001b[2J\r\nend"))
                .isEqualTo("a **** b **** c https://h/p?...  end");
    }

    @Test
    void serverText_isOneShortLine() {
        assertThat(Redactor.none().serverText("a\n\n  b\t c")).isEqualTo("a b c");
        assertThat(Redactor.none().serverText("y".repeat(500))).hasSize(300).endsWith("...");
        assertThat(Redactor.none().serverText(null)).isEmpty();
    }

    @Test
    void toString_countsButNeverShowsSecrets() {
        assertThat(Redactor.of(Secret.of("abc")).toString()).isEqualTo("Redactor[1 secret forms]");
    }
}
