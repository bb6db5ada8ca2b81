package com.coachintel.leads.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * What makes a forgotten filter a compile error: every place that handles filters implements
 * {@link LeadFilters.Visitor} or {@link LeadFilters.Reader}, both name every criterion, and neither has a default
 * that would let a new criterion through unhandled. The last test compiles a visitor that forgets one criterion,
 * as a newcomer would, and shows javac refusing it.
 */
class FilterCompletenessTest {

    @Test
    void the_visitor_and_the_reader_name_the_same_criteria_as_the_filters_and_have_no_defaults() {
        Set<String> visited = abstractMethods(LeadFilters.Visitor.class);
        Set<String> read = abstractMethods(LeadFilters.Reader.class);
        assertThat(visited).isEqualTo(read).containsExactlyInAnyOrder("search", "statuses", "tags", "created");
        assertThat(defaults(LeadFilters.Visitor.class)).isEmpty();
        assertThat(defaults(LeadFilters.Reader.class)).isEmpty();
        Set<String> accessors = Arrays.stream(LeadFilters.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0).map(Method::getName).collect(Collectors.toSet());
        assertThat(accessors).containsAll(visited);
    }

    @Test
    void a_visitor_that_forgets_a_criterion_does_not_compile(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        String forgetful = """
                import com.coachintel.leads.domain.LeadStatus;
                import com.coachintel.leads.domain.Tag;
                import com.coachintel.leads.domain.query.LeadFilters;
                import com.coachintel.leads.domain.query.SearchTerm;
                import java.util.Set;

                class ForgetfulWhereClause implements LeadFilters.Visitor<String> {
                    public String search(SearchTerm term) { return "search"; }
                    public String statuses(Set<LeadStatus> any) { return "statuses"; }
                    public String tags(Set<Tag> all) { return "tags"; }
                }
                """;
        String diagnostics = compile("ForgetfulWhereClause", forgetful, out);
        assertThat(diagnostics).contains("ForgetfulWhereClause is not abstract and does not override abstract method created");

        String complete = forgetful.replace("public String tags(Set<Tag> all) { return \"tags\"; }",
                "public String tags(Set<Tag> all) { return \"tags\"; }\n"
                        + "public String created(com.coachintel.leads.domain.query.CreatedRange w) { return \"created\"; }");
        assertThat(compile("ForgetfulWhereClause", complete, out)).as("the same class, complete, compiles").isEmpty();
    }

    private static String compile(String className, String source, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("tests run on a JDK").isNotNull();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Files.createDirectories(out);
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString());
        boolean compiled = javac.getTask(diagnostics, null, null, options, null, List.of(file)).call();
        return compiled ? "" : diagnostics.toString();
    }

    private static Set<String> abstractMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
    }

    private static List<String> defaults(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(Method::isDefault).map(Method::getName).toList();
    }
}
