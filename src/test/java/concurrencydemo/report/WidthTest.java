package concurrencydemo.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WidthTest {

    @Test
    @DisplayName("a Han character and a full-width mark take two columns, ASCII one, colour none")
    void columns() {
        assertThat(Width.of("race")).isEqualTo(4);
        assertThat(Width.of("竞态")).isEqualTo(4);
        assertThat(Width.of("出错，")).isEqualTo(6);
        assertThat(Width.of("\u001b[1;32mOK\u001b[0m")).isEqualTo(2);
        assertThat(Width.pad("出错", 7)).isEqualTo("出错   ");
        assertThat(Width.padLeft("12 ms", 8)).isEqualTo("   12 ms");
        assertThat(Width.clip("一二三四五", 7)).isEqualTo("一二三…");
    }

    @Test
    @DisplayName("Chinese wraps between characters, never before a closing mark; English at spaces")
    void wraps() {
        assertThat(Width.wrap("the bug showed: two of them", 16)).containsExactly("the bug showed:", "two of them");
        List<String> lines = Width.wrap("两个线程都读到了0，然后都写回了1，所以丢失了一次更新", 20);
        assertThat(lines).allSatisfy(l -> assertThat(Width.of(l)).isLessThanOrEqualTo(20));
        assertThat(String.join("", lines)).isEqualTo("两个线程都读到了0，然后都写回了1，所以丢失了一次更新");
        assertThat(lines).noneMatch(l -> l.startsWith("，") || l.startsWith("。"));
        // a word in Latin letters inside Chinese stays whole, and its spaces are kept
        assertThat(String.join("|", Width.wrap("主线程调用了 q.join() 之后才结束", 12))).doesNotContain("q.|join");
        // a closing mark that would run past the end takes the character before it along
        assertThat(Width.wrap("一二三四五；六七", 10)).containsExactly("一二三四", "五；六七");
        // a word after an opening mark that would run past the end takes the mark along
        assertThat(Width.wrap("和 forkserver（Python 3.14 起）", 20)).containsExactly("和 forkserver", "（Python 3.14 起）");
        List<String> guard = Width.wrap("在 spawn（Windows、macOS）和 forkserver（Python 3.14 起 Linux 的默认方式）下都需要", 64);
        assertThat(guard).allSatisfy(l -> assertThat(Width.of(l)).isLessThanOrEqualTo(64));
        assertThat(guard).noneMatch(l -> l.endsWith("（"));
        // a number keeps its unit, across a space too
        assertThat(Width.wrap("比值为 2.0 倍，同时执行", 10)).noneMatch(l -> l.endsWith("2.0"));
        assertThat(Width.wrap("对 Array 的 600 次丢失了", 12)).noneMatch(l -> l.endsWith("600"));
        // no lone character on the last line: it takes the two before it
        assertThat(Width.wrap("看门狗在 600ms 后停止了等待的线程", 30)).containsExactly("看门狗在 600ms 后停止了等待", "的线程");
        // and keeps the space it broke at
        assertThat(Width.wrap("同时运行时约为 2，轮流执行时至多为 1", 34)).last().isEqualTo("多为 1");
        // an opening mark, a number and its unit go down together
        assertThat(Width.wrap("同时执行 49 ms（1.9 倍）", 18)).containsExactly("同时执行 49 ms", "（1.9 倍）");
        // a dash does not begin a line
        assertThat(Width.wrap("一二三四五六七八——这是", 16)).noneMatch(l -> l.startsWith("—"));
    }
}
