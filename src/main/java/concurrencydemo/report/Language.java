package concurrencydemo.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages demo speaks. Chosen by {@code --lang}, else by the locale the environment names
 * ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}: the first one set and not empty,
 * as POSIX reads them), else English.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The tag {@code --lang} takes and JSON reports: {@code en} or {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The language a {@code --lang} value names: {@code en} or {@code zh-CN}, in any case, with
     * {@code _} for {@code -}; English of any region ({@code en-US}, {@code en-GB}); Chinese as
     * written in Simplified characters ({@code zh}, {@code zh-Hans}, {@code zh-SG}). Traditional
     * Chinese ({@code zh-TW}, {@code zh-HK}, {@code zh-Hant}) is not Simplified: see {@link #traditional}.
     */
    public static Optional<Language> parse(String value) {
        String v = value.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.matches("en-[a-z0-9]{2,8}")) {
            return Optional.of(ENGLISH);
        }
        return switch (v) {
            case "zh-cn", "zh", "zh-hans", "zh-hans-cn", "zh-sg", "zh-hans-sg", "zh-my" -> Optional.of(SIMPLIFIED_CHINESE);
            default -> Optional.empty();
        };
    }

    /** Whether {@code value} names Chinese in Traditional characters, which demo does not have. */
    public static boolean traditional(String value) {
        String v = value.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        return v.matches("zh-(tw|hk|mo|hant(-[a-z]{2})?)");
    }

    /**
     * The language the environment's locale names: any {@code zh*} locale is Chinese, anything
     * else English. Where none of the variables is set (Windows), the JVM's own locale, which
     * comes from the system's settings. The launcher reads them itself and says what it read in
     * the system property {@code demo.lang}, which then decides.
     */
    public static Language fromEnvironment(Map<String, String> env) {
        // the launcher's reading of the locale, made before it replaced a locale the system lacks
        Optional<Language> told = Optional.ofNullable(System.getProperty("demo.lang")).flatMap(Language::parse);
        return told.orElseGet(() -> fromEnvironment(env, Locale.getDefault()));
    }

    /** As above, with {@code system} the locale to fall back on. */
    static Language fromEnvironment(Map<String, String> env, Locale system) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value.toLowerCase(Locale.ROOT).startsWith("zh") ? SIMPLIFIED_CHINESE : ENGLISH;
            }
        }
        return system.getLanguage().equals("zh") ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    /**
     * The language named by the last well-formed {@code --lang} among {@code args} (before a
     * {@code --} that ends the options), if any: for the moments before picocli has read the
     * command line, or when it could not.
     */
    public static Optional<Language> fromArgs(String[] args) {
        Optional<Language> chosen = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            String value = a.equals("--lang") && i + 1 < args.length ? args[i + 1]
                    : a.startsWith("--lang=") ? a.substring("--lang=".length()) : null;
            if (value != null && parse(value).isPresent()) {
                chosen = parse(value);
            }
        }
        return chosen;
    }
}
