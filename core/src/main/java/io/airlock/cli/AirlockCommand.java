package io.airlock.cli;

public final class AirlockCommand {
    public static void main(String[] args) {
    }
}
