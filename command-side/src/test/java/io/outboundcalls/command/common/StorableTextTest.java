package io.outboundcalls.command.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void everyCharacterButNulAndLoneSurrogatesIsStorable() {
        assertThat(StorableText.problem("")).isNull();
        assertThat(StorableText.problem("Zoë \uD83D\uDE80 漢字 שלום \u200F \uFFFF \u0001 tab\t")).isNull();
        assertThat(StorableText.problem("\uD83D\uDE80\uD83D\uDE80")).isNull();
    }

    @Test
    void nulIsNotStorable() {
        assertThat(StorableText.problem("a\u0000b")).contains("NUL character (U+0000)");
        assertThat(StorableText.problem("\u0000")).isNotNull();
    }

    @Test
    void aSurrogateWithoutItsPartnerIsNotStorable() {
        assertThat(StorableText.problem("a\uD800b")).contains("unpaired surrogate (U+D800)");
        assertThat(StorableText.problem("a\uDC00")).contains("U+DC00");
        assertThat(StorableText.problem("\uD83D")).isNotNull();
        assertThat(StorableText.problem("\uDE80\uD83D")).isNotNull(); // a pair in the wrong order is two lone halves
        assertThat(StorableText.problem("\uD83D\uDE80\uDE80")).isNotNull();
    }

    @Test
    void replacedShowsWhereTheBadCharactersWere() {
        assertThat(StorableText.replaced("a\u0000b\uD800c\uD83D\uDE80")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE80");
        assertThat(StorableText.replaced("fine")).isEqualTo("fine");
    }

    @Test
    void aPrefixNeverCutsAPairInTwo() {
        assertThat(StorableText.prefix("ab\uD83D\uDE80", 3)).isEqualTo("ab");
        assertThat(StorableText.prefix("ab\uD83D\uDE80", 4)).isEqualTo("ab\uD83D\uDE80");
        assertThat(StorableText.prefix("abcd", 2)).isEqualTo("ab");
    }
}
