package concurrencydemo.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Something demo will say, not yet in words: a key of its message bundles and the values that
 * fill the key's pattern. {@link Texts} puts it into the reader's language when it is shown, so
 * that a lesson grades a run without knowing who will read the verdict. An argument may itself be
 * a message, or a list of messages (said one after another).
 *
 * @param key  a key of the message bundles
 * @param args the pattern's arguments: numbers, plain values, messages, lists of messages
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

}
