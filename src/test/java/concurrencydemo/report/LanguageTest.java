package concurrencydemo.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    @DisplayName("the locale chooses: LC_ALL, then LC_MESSAGES, then LANG, the first set and not empty")
    void fromTheEnvironment() {
        assertThat(Language.fromEnvironment(Map.of(), Locale.US)).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromEnvironment(Map.of(), Locale.SIMPLIFIED_CHINESE)) // Windows: the system's locale
                .isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromEnvironment(Map.of("LANG", "C"), Locale.SIMPLIFIED_CHINESE)).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromEnvironment(Map.of("LANG", "zh_TW.UTF-8"))).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "C"))).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromEnvironment(Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8")))
                .isEqualTo(Language.SIMPLIFIED_CHINESE);
        Map<String, String> emptyLcAll = new HashMap<>(Map.of("LC_ALL", "", "LANG", "zh_CN.GB18030"));
        assertThat(Language.fromEnvironment(emptyLcAll)).isEqualTo(Language.SIMPLIFIED_CHINESE);
    }

    @Test
    @DisplayName("--lang takes en and zh-CN in any case, and the last one given wins")
    void fromTheCommandLine() {
        assertThat(Language.parse("zh-CN")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.parse("zh_cn")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.parse("EN")).contains(Language.ENGLISH);
        assertThat(Language.parse("fr")).isEmpty();
        assertThat(Language.fromArgs(new String[] {"threads", "--lang", "en", "--lang=zh-CN"}))
                .contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromArgs(new String[] {"threads", "--", "--lang", "zh-CN"})).isEmpty();
    }
}
