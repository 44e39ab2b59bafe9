package concurrencydemo.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    @Test
    @DisplayName("columns line up in display columns: a Chinese cell counts two a character, colour none")
    void columnsLineUpInDisplayColumns() {
        Table table = Table.indented("  ").left("  ").right("");
        table.fit(List.of("变体", "time")).fit(List.of("Racy", "12 ms")).fit(List.of("\u001b[1mab\u001b[0m", ""));
        assertThat(table.width(0)).isEqualTo(4);
        assertThat(table.width(1)).isEqualTo(5);
        assertThat(table.row(List.of("变体", "time"))).isEqualTo("  变体   time");
        assertThat(table.row(List.of("ab", "12 ms"))).isEqualTo("  ab    12 ms");
    }

    @Test
    @DisplayName("a widened column keeps its width, a wider cell is not cut, and a row never ends in spaces")
    void widenedColumnsAndTrailingSpaces() {
        Table table = Table.indented("").left(" ").left("").widen(0, 3).widen(1, 10);
        assertThat(table.row(List.of("›", "x"))).isEqualTo("›   x");
        assertThat(table.row(List.of("toolong", ""))).isEqualTo("toolong");
        assertThat(table.row(List.of("", ""))).isEmpty();
    }

    @Test
    @DisplayName("a cell's style gets the padded cell, so a colour covers its padding")
    void styleSeesThePaddedCell() {
        Table table = Table.indented("").left("|").left("").fit(List.of("abc"));
        assertThat(table.row(List.of("a", "b"), (column, padded) -> column == 0 ? "[" + padded + "]" : padded))
                .isEqualTo("[a  ]|b");
    }

    @Test
    @DisplayName("a column of width 0 is free text, unpadded")
    void widthZeroIsFreeText() {
        Table table = Table.indented("  ").left("  ").left("").fit(List.of("name"));
        assertThat(table.row(List.of("ab", "the rest, as long as it is"))).isEqualTo("  ab    the rest, as long as it is");
        assertThat(table.row(List.of("", "more"))).isEqualTo(" ".repeat(8) + "more");
    }
}
