package concurrencydemo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root help's list of commands in groups (lessons, exercises, the rest), each under its
 * heading from the bundle, all in one column layout: picocli's own command list, cut in parts. (A
 * class, not a lambda: no bootstrap at start-up.)
 */
final class CommandGroups implements IHelpSectionRenderer {
    /** A heading's bundle key and the commands under it, in the order shown. */
    record Group(String headingKey, List<Class<?>> commands) {
    }

    private final List<Group> groups;

    CommandGroups(List<Group> groups) {
        this.groups = groups;
    }

    /** The group {@code command} is in, or null. */
    static Group groupOf(List<Group> groups, Class<?> command) {
        for (Group g : groups) {
            if (g.commands().contains(command)) {
                return g;
            }
        }
        return null;
    }

    @Override
    public String render(Help help) {
        Map<String, Help> all = help.subcommands();
        if (all.isEmpty()) {
            return "";
        }
        // one width for every group, as picocli's whole list has it (a key is a command's names)
        int nameWidth = 0;
        Map<String, Help> left = new LinkedHashMap<>();
        for (Map.Entry<String, Help> e : all.entrySet()) {
            nameWidth = Math.max(nameWidth, e.getKey().length());
            left.put(e.getValue().commandSpec().name(), e.getValue());
        }
        nameWidth = Math.min(nameWidth, help.commandSpec().usageMessage().width() / 2);
        StringBuilder sb = new StringBuilder();
        for (Group g : groups) {
            Map<String, Help> members = new LinkedHashMap<>();
            for (Class<?> c : g.commands()) {
                String name = c.getAnnotation(Command.class).name();
                Help sub = left.remove(name);
                if (sub != null) {
                    members.put(name, sub);
                }
            }
            append(sb, help, help.commandSpec().resourceBundle().getString(g.headingKey()), members, nameWidth);
        }
        // a command in no group still shows (a test fails for it): under the last heading's blank line
        append(sb, help, "", left, nameWidth);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Help help, String heading, Map<String, Help> members, int nameWidth) {
        if (members.isEmpty()) {
            return;
        }
        sb.append(System.lineSeparator()); // each group after a blank line, the first after the options
        if (!heading.isEmpty()) {
            sb.append(heading).append(System.lineSeparator());
        }
        Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(nameWidth + 2, 2, Help.Column.Overflow.SPAN),
                new Help.Column(help.commandSpec().usageMessage().width() - (nameWidth + 2), 2, Help.Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        for (Help sub : members.values()) {
            UsageMessageSpec usage = sub.commandSpec().usageMessage();
            String header = usage.header().length > 0 ? usage.header()[0]
                    : usage.description().length > 0 ? usage.description()[0] : "";
            Help.Ansi.Text[] lines = help.colorScheme().text(format(header)).splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(i == 0 ? sub.commandNamesText(", ") : help.colorScheme().text(""), lines[i]);
            }
        }
        sb.append(table);
    }

    /** As picocli formats a header: %n a line break, %% a percent sign. */
    private static String format(String header) {
        try {
            return String.format(header);
        } catch (java.util.IllegalFormatException e) {
            return header;
        }
    }

    /** For tests: the commands of {@code groups}, in order. */
    static List<Class<?>> commands(List<Group> groups) {
        List<Class<?>> all = new ArrayList<>();
        for (Group g : groups) {
            all.addAll(g.commands());
        }
        return all;
    }
}
