package concurrencydemo.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text whose columns line up on a terminal in every language: each cell is padded to
 * its column's width in display columns ({@link Width}: a Chinese character takes two, a colour
 * sequence none), and followed by its column's gap. For the summary, the trials table, the overall
 * count, the trace, and the lists of lessons and exercises.
 *
 * <p>A column is as wide as the widest cell it was {@linkplain #fit fitted} to, or
 * {@linkplain #widen widened} to; a cell wider than its column is not cut (cut it first with
 * {@link Width#clip}), and pushes the rest of its row right. A column of width 0 is not padded: the
 * last column of free text. A row never ends in spaces.
 *
 * <p>Not thread-safe: one table is built and printed by one thread.
 */
public final class Table {
    private final String indent;
    private final List<Column> columns = new ArrayList<>();

    private Table(String indent) {
        this.indent = indent;
    }

    /** A table with no columns yet, each row of which starts with {@code indent}. */
    public static Table indented(String indent) {
        return new Table(indent);
    }

    /** Adds a column whose cells are padded on the right, followed by {@code gap}. */
    public Table left(String gap) {
        columns.add(new Column(false, gap));
        return this;
    }

    /** Adds a column whose cells are padded on the left (numbers), followed by {@code gap}. */
    public Table right(String gap) {
        columns.add(new Column(true, gap));
        return this;
    }

    /** Widens column {@code column} to at least {@code width} display columns. */
    public Table widen(int column, int width) {
        Column c = columns.get(column);
        c.width = Math.max(c.width, width);
        return this;
    }

    /** Widens each column to at least the display width of its cell in {@code cells}, from the first. */
    public Table fit(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            widen(i, Width.of(cells.get(i)));
        }
        return this;
    }

    /** The width of column {@code column}, in display columns. */
    public int width(int column) {
        return columns.get(column).width;
    }

    /** One row: the cells, from the first column, each padded to its column and followed by its gap. */
    public String row(List<String> cells) {
        return row(cells, (column, padded) -> padded);
    }

    /**
     * One row, each padded cell passed through {@code style} (which may colour it, trailing
     * padding included) before its gap.
     */
    public String row(List<String> cells, CellStyle style) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            Column c = columns.get(i);
            String cell = c.right ? Width.padLeft(cells.get(i), c.width) : Width.pad(cells.get(i), c.width);
            line.append(style.apply(i, cell)).append(c.gap);
        }
        return line.toString().stripTrailing();
    }

    /** How one cell of a row is shown once padded. */
    @FunctionalInterface
    public interface CellStyle {
        String apply(int column, String padded);
    }

    private static final class Column {
        final boolean right;
        final String gap;
        int width;

        Column(boolean right, String gap) {
            this.right = right;
            this.gap = gap;
        }
    }
}
