package concurrencydemo.lessons;

import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {
    /** The seed's headings, in its order, as the article has them. */
    private static final List<String> SEED_HEADINGS = List.of("开篇：多线程和多进程", "创建并开启进程", "进程间分享数据",
            "可以使用锁避免资源竟态", "在上下文管理器中使用锁", "多进程使用队列通信", "进程池", "创建并开始线程", "线程间共享数据",
            "使用锁处理资源竟态", "使用上下文管理器", "多线程消息队列通信");

    @Test
    @DisplayName("Seed holds each of the seed's sections once, in the seed's order")
    void seedHoldsTheSeedsSections() {
        assertThat(Seed.SECTIONS).extracting(Section::chinese).containsExactlyElementsOf(SEED_HEADINGS);
    }

    @Test
    @DisplayName("every exercise practises a section that a lesson ports")
    void everyExercisePractisesALessonsSection() {
        Set<Section> ported = new LinkedHashSet<>();
        for (Lesson lesson : Catalog.lessons()) {
            ported.addAll(lesson.sections());
        }
        for (Exercise e : Exercises.ALL) {
            assertThat(ported).as(e.name()).contains(e.section());
        }
    }

    @Test
    @DisplayName("the seed's order: the opening paragraph, the processes half, the threads half; locks across processes first")
    void seedOrderFollowsTheSeed() {
        List<Lesson> order = Catalog.seedOrder(Catalog.lessons());
        assertThat(order).extracting(Lesson::heading).containsExactly("gil", "processes", "race-condition",
                "locks --processes", "queues --processes", "pools", "threads", "locks", "queues --threads");
        // the sections the lessons port, one lesson after another, stand in the seed's order: no
        // section of the threading half comes before the last of the multiprocessing half
        List<String> seed = SEED_HEADINGS;
        List<Integer> sections = order.stream().flatMap(l -> l.sections().stream())
                .map(s -> seed.indexOf(s.chinese())).toList();
        assertThat(sections).doesNotContain(-1).isSorted();
        assertThat(order.stream().flatMap(l -> l.sections().stream()).map(s -> s.chinese()).distinct())
                .containsExactlyInAnyOrderElementsOf(seed);
    }

    @Test
    @DisplayName("every variant ports one of its lesson's own sections, in each form of the lesson")
    void everyVariantPortsASectionOfItsLesson() {
        for (Lesson lesson : Catalog.lessons()) {
            List<Lesson> forms = lesson instanceof LocksLesson locks ? List.of(locks, locks.acrossProcesses())
                    : lesson instanceof QueuesLesson queues
                    ? List.of(queues, queues.part(Seed.QUEUE_PROCESSES), queues.part(Seed.QUEUE_THREADS))
                    : List.of(lesson);
            for (Lesson form : forms) {
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
        assertThat(new ArrayList<>(listed)).containsExactlyInAnyOrderElementsOf(SEED_HEADINGS);
    }
}
