package io.mlecs.prep.sample;

import java.util.List;

/**
 * The small vocabulary of generated VAST captions: 8 topics, each with subjects, actions and places; a caption
 * is {@code "a {subject} {action} {place}"} (e.g. "a man plays guitar on a stage"). Topics also carry what can
 * be heard (audio captions) and what is said (subtitles).
 */
final class VastTopics {
  record Topic(
      String name, List<String> subjects, List<String> actions, List<String> places, List<String> sounds,
      List<String> sayings) {}

  private static final List<String> PEOPLE = List.of("man", "woman", "boy", "girl");

  static final List<Topic> TOPICS =
      List.of(
          new Topic("music", PEOPLE, List.of("plays guitar", "plays the piano", "sings a song"),
              List.of("on a stage", "in a studio", "at a concert"), List.of("guitar music", "a piano melody", "singing"),
              List.of("thank you all for coming tonight", "this next song is about love", "let me hear you sing")),
          new Topic("cooking", PEOPLE, List.of("chops vegetables", "stirs a pot", "bakes bread"),
              List.of("in a kitchen", "at a restaurant", "at home"), List.of("chopping sounds", "sizzling oil", "a boiling pot"),
              List.of("now add a pinch of salt", "let it cook for ten minutes", "cut the onions very thin")),
          new Topic("sports", PEOPLE, List.of("kicks a ball", "runs on a track", "throws a ball"),
              List.of("on a field", "in a stadium", "in a park"), List.of("a cheering crowd", "a whistle", "running footsteps"),
              List.of("what a great goal", "he is running very fast", "the team needs one more point")),
          new Topic("animals", List.of("dog", "cat", "horse"), List.of("runs around", "plays with a toy", "eats food"),
              List.of("in a park", "on the grass", "in a yard"), List.of("barking", "a meowing cat", "neighing"),
              List.of("come here good boy", "look how happy he is", "do not feed him too much")),
          new Topic("driving", PEOPLE, List.of("drives a car", "rides a bike", "parks a truck"),
              List.of("on a road", "in the city", "on a highway"), List.of("engine noise", "car horns", "traffic sounds"),
              List.of("turn left at the next light", "the traffic is heavy today", "we are almost there")),
          new Topic("speech", PEOPLE, List.of("gives a speech", "talks to the camera", "explains a chart"),
              List.of("in a room", "at a podium", "in an office"), List.of("a man speaking", "a woman speaking", "applause"),
              List.of("today i want to talk about", "thank you for watching this video", "let me explain how it works")),
          new Topic("outdoors", PEOPLE, List.of("walks through a forest", "climbs a mountain", "swims in a lake"),
              List.of("on a sunny day", "in the rain", "at sunset"), List.of("birds chirping", "wind blowing", "flowing water"),
              List.of("the view from up here is amazing", "it is getting cold now", "listen to the birds")),
          new Topic("dance", PEOPLE, List.of("dances to music", "performs a dance", "spins around"),
              List.of("on a stage", "at a party", "in a studio"), List.of("upbeat music", "a drum beat", "people clapping"),
              List.of("one two three and turn", "everybody on the dance floor", "follow my steps")));

  private VastTopics() {}
}
