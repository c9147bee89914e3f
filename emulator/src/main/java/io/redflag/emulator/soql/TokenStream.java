package io.redflag.emulator.soql;

import io.redflag.emulator.soql.Token.Kind;
import java.util.List;

/** The parser's cursor over the tokens of one statement. */
final class TokenStream {
    final Errors errors;
    private final List<Token> tokens;
    private int pos;

    TokenStream(String soql) {
        this.errors = new Errors(soql);
        this.tokens = new Lexer(soql, errors).tokens();
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean accept(Kind kind) {
        if (peek().is(kind)) {
            pos++;
            return true;
        }
        return false;
    }

    Token expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw errors.unexpected(peek());
        }
        return next();
    }

    Token expect(Kind kind) {
        if (!peek().is(kind)) {
            throw errors.unexpected(peek());
        }
        return next();
    }
}
