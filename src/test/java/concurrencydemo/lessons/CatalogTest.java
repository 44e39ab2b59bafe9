package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {

    @Test
    @DisplayName("the seed's order: the opening paragraph, the processes half, the threads half; locks across processes first")
    void seedOrderFollowsTheSeed() {
        List<Lesson> order = Catalog.seedOrder(Catalog.lessons());
        assertThat(order).extracting(Lesson::heading).containsExactly("gil", "processes", "race-condition",
                "locks --processes", "queues", "pools", "threads", "locks");
        // each lesson where the first section it ports stands in the seed
        List<String> seed = List.of("开篇：多线程和多进程", "创建并开启进程", "进程间分享数据", "可以使用锁避免资源竟态",
                "在上下文管理器中使用锁", "多进程使用队列通信", "进程池", "创建并开始线程", "线程间共享数据",
                "使用锁处理资源竟态", "使用上下文管理器", "多线程消息队列通信");
        List<Integer> firsts = order.stream().map(l -> seed.indexOf(l.sections().get(0).chinese())).toList();
        assertThat(firsts).doesNotContain(-1).isSorted();
    }

    @Test
    @DisplayName("every variant ports one of its lesson's own sections, in each form of the lesson")
    void everyVariantPortsASectionOfItsLesson() {
        for (Lesson lesson : Catalog.lessons()) {
            for (Lesson form : lesson instanceof LocksLesson locks ? List.of(locks, locks.acrossProcesses()) : List.of(lesson)) {
                for (Variant v : form.variants()) {
                    assertThat(form.sections()).as(form.heading() + ": " + v.name()).contains(v.section());
                }
            }
        }
    }

    @Test
    @DisplayName("demo list shows every section of the seed, the opening paragraph included")
    void everySeedSectionIsListed() {
        Set<String> listed = new LinkedHashSet<>();
        for (Lesson lesson : Catalog.lessons()) {
            lesson.listedSections().stream().map(Section::chinese).forEach(listed::add);
        }
        assertThat(new ArrayList<>(listed)).containsExactlyInAnyOrder("开篇：多线程和多进程", "创建并开启进程", "进程间分享数据",
                "可以使用锁避免资源竟态", "在上下文管理器中使用锁", "多进程使用队列通信", "进程池", "创建并开始线程", "线程间共享数据",
                "使用锁处理资源竟态", "使用上下文管理器", "多线程消息队列通信");
    }
}
