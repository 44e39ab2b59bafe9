package concurrencydemo.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Everything demo says, in one language: its message bundles (UTF-8 properties files), looked up
 * in a chain, a lesson's own bundle first and demo's shared one ({@code concurrencydemo/messages})
 * after it. The same object is picocli's resource bundle for usage help.
 *
 * <p>Two kinds of keys share the files. Keys that start with {@code usage.} or {@code option.}
 * are picocli's: their values are {@code printf} formats ({@code %n} a line break, {@code %%} a
 * percent sign). Every other key is a {@link MessageFormat} pattern, filled by {@link #format}:
 * {@code {0}} the first argument, {@code ''} an apostrophe. A number in a plain {@code {0}} is
 * written as digits without grouping, the same in every language.
 *
 * <p>Bundles load with no fallback to the JVM's default locale: English is the base bundle, and
 * {@code --lang en} under a Chinese locale gets English.
 */
public final class Texts extends ResourceBundle {
    /** demo's shared bundle: framework, report and command-line texts. */
    public static final String SHARED = "concurrencydemo.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle own;

    private Texts(Language language, ResourceBundle own, Texts parent) {
        this.language = language;
        this.own = own;
        if (parent != null) {
            setParent(parent);
        }
    }

    /** demo's shared texts in {@code language}. */
    public static Texts of(Language language) {
        return new Texts(language, load(SHARED, language), null);
    }

    /** These texts with the bundle {@code baseName} (e.g. a lesson's) looked up first. */
    public Texts with(String baseName) {
        return new Texts(language, load(baseName, language), this);
    }

    /** Whether a bundle named {@code baseName} exists (its base, English file). */
    public static boolean exists(String baseName) {
        try {
            ResourceBundle.getBundle(baseName, Locale.ROOT, Texts.class.getClassLoader(), NO_FALLBACK);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private static ResourceBundle load(String baseName, Language language) {
        return ResourceBundle.getBundle(baseName, language.locale(), Texts.class.getClassLoader(), NO_FALLBACK);
    }

    public Language language() {
        return language;
    }

    /** The message in words. */
    public String format(Message message) {
        return format(message.key(), message.args().toArray());
    }

    /** The pattern under {@code key}, filled with {@code args} (see the class comment). */
    public String format(String key, Object... args) {
        MessageFormat pattern = new MessageFormat(getString(key), language.locale());
        Object[] values = new Object[args.length];
        Format[] formats = pattern.getFormatsByArgumentIndex();
        for (int i = 0; i < args.length; i++) {
            values[i] = value(args[i]);
            if (values[i] instanceof Number && i < formats.length && formats[i] == null) {
                pattern.setFormatByArgumentIndex(i, PLAIN_NUMBER.get());
            }
        }
        return pattern.format(values);
    }

    /** Digits, a point and up to three decimals, never grouped: 5000000, 1.5. */
    private static final ThreadLocal<DecimalFormat> PLAIN_NUMBER =
            ThreadLocal.withInitial(() -> new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private Object value(Object arg) {
        if (arg instanceof Message m) {
            return format(m);
        }
        if (arg instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object item : list) {
                if (sb.length() > 0) {
                    sb.append(getString("list.separator"));
                }
                sb.append(value(item));
            }
            return sb.toString();
        }
        return arg;
    }

    @Override
    protected Object handleGetObject(String key) {
        return own.containsKey(key) ? own.getObject(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> keys = new LinkedHashSet<>(own.keySet());
        if (parent != null) {
            keys.addAll(Collections.list(parent.getKeys()));
        }
        return Collections.enumeration(keys);
    }

    @Override
    public Locale getLocale() {
        return language.locale();
    }
}
