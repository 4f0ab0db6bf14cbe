package io.faultline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jshell route fails on what would fail a student's run, and shows what the kernel would. */
class JShellRouteTest {
    @TempDir
    Path dir;

    @Test
    void aCompileErrorFailsNamingTheCell() throws IOException {
        AssertionError e = assertThrows(AssertionError.class,
                () -> JShellRoute.run(notebook(code("System.out.println(1);"), code("int x = \"s\";"))));
        assertTrue(e.getMessage().contains("code cell 2: does not compile"), e.getMessage());
    }

    @Test
    void anExceptionFailsNamingItsClassAndMessage() throws IOException {
        AssertionError e = assertThrows(AssertionError.class,
                () -> JShellRoute.run(notebook(code("throw new IllegalStateException(\"boom\");"))));
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException: boom"), e.getMessage());
    }

    @Test
    void aCellThatShowsNothingFailsUnlessTaggedSetup() throws IOException {
        AssertionError e = assertThrows(AssertionError.class, () -> JShellRoute.run(notebook(code("int x = 1;\n"))));
        assertTrue(e.getMessage().contains("code cell 1 showed nothing"), e.getMessage());
        assertEquals(1, JShellRoute.run(notebook(setup("int x = 1;"))).size());
    }

    @Test
    void aMethodMayUseOneDefinedLaterInTheCellButNotOneNeverDefined() throws IOException {
        assertEquals(1, JShellRoute.run(notebook(code("void a() { b(); }\nvoid b() { }\na();\nSystem.out.println(1);"))).size());
        AssertionError e = assertThrows(AssertionError.class,
                () -> JShellRoute.run(notebook(code("void a() { missing(); }\nSystem.out.println(1);"))));
        assertTrue(e.getMessage().contains("refers to something never defined: method missing()"), e.getMessage());
    }

    @Test
    void aMagicTheRouteDoesNotEmulateFailsNamingIt() throws IOException {
        AssertionError e = assertThrows(AssertionError.class,
                () -> JShellRoute.run(notebook(code("%dependency /add com.example:x:1\nSystem.out.println(1);"))));
        assertTrue(e.getMessage().contains("%dependency"), e.getMessage());
    }

    @Test
    void printsDisplaysAndTheLastExpressionAreShownInOrder() throws IOException {
        List<CellRun> runs = JShellRoute.run(notebook(
                code("System.out.print(\"before\");\ndisplay(\"text/html\", \"<b>x</b>\");\nSystem.out.print(\"after\");"),
                code("List.of(1, 2).size()")));
        assertEquals(List.of(new CellRun.Output("stream", "before"), new CellRun.Output("text/html", "<b>x</b>"),
                new CellRun.Output("stream", "after")), runs.get(0).outputs());
        assertEquals(Optional.of("2"), runs.get(1).value());
    }

    private Notebook notebook(ObjectNode... cells) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.putObject("metadata").putObject("kernelspec").put("name", JupyterRoute.KERNEL);
        ArrayNode list = root.putArray("cells");
        for (ObjectNode c : cells) {
            list.add(c);
        }
        Path file = dir.resolve("t.ipynb");
        json.writeValue(file.toFile(), root);
        return Notebook.read(file);
    }

    private static ObjectNode code(String source) {
        ObjectNode c = new ObjectMapper().createObjectNode().put("cell_type", "code").put("source", source);
        c.putObject("metadata");
        return c;
    }

    private static ObjectNode setup(String source) {
        ObjectNode c = code(source);
        ((ObjectNode) c.get("metadata")).putArray("tags").add("setup");
        return c;
    }
}
