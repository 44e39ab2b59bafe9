package concurrencydemo.framework;

/**
 * A section of the seed article that a lesson ports.
 *
 * @param chinese the seed's own heading
 * @param english the same heading in English
 */
public record Section(String chinese, String english) {
    @Override
    public String toString() {
        return chinese + " · " + english;
    }
}
