/**
 * Friendly generated nicknames: an adjective and an animal ("Brave Otter"), from word lists made
 * for this project. The phone draws them ("Suggest a name"); when the host requires generated
 * nicknames, the server takes only these (isGeneratedNickname) and refuses anything typed.
 *
 * Imports nothing, so the phone's join page stays light. Every combination is a valid nickname
 * (at most 20 characters) that passes the server's word list: tests/unit/generated-nickname.test.ts
 * checks all of them. Words that pair badly ("hot", "big", animals used as insults) are left out.
 */

export const NICKNAME_ADJECTIVES = [
  "Brave", "Bright", "Bubbly", "Calm", "Cheerful", "Clever", "Cosmic", "Cosy", "Curious", "Daring",
  "Dapper", "Dazzling", "Eager", "Fearless", "Friendly", "Gentle", "Giggly", "Glowing", "Golden", "Happy",
  "Helpful", "Jazzy", "Jolly", "Kind", "Lively", "Lucky", "Mellow", "Merry", "Mighty", "Nimble",
  "Noble", "Peppy", "Plucky", "Polite", "Proud", "Quick", "Quiet", "Radiant", "Shiny", "Snappy",
  "Sparkly", "Speedy", "Sporty", "Spotty", "Stripy", "Sunny", "Swift", "Tidy", "Wise", "Witty",
  "Zany", "Zesty", "Zippy", "Breezy", "Cuddly", "Dreamy", "Fluffy", "Funky", "Groovy", "Snug",
] as const;

export const NICKNAME_ANIMALS = [
  "Otter", "Panda", "Koala", "Penguin", "Dolphin", "Falcon", "Fox", "Owl", "Tiger", "Lion",
  "Zebra", "Giraffe", "Rabbit", "Hedgehog", "Squirrel", "Badger", "Puffin", "Parrot", "Toucan", "Flamingo",
  "Turtle", "Gecko", "Lemur", "Llama", "Alpaca", "Walrus", "Seal", "Whale", "Orca", "Octopus",
  "Starfish", "Lobster", "Crab", "Beetle", "Bee", "Robin", "Sparrow", "Swan", "Heron", "Eagle",
  "Kiwi", "Wombat", "Kangaroo", "Meerkat", "Narwhal", "Panther", "Cheetah", "Jaguar", "Leopard", "Lynx",
  "Moose", "Bison", "Yak", "Camel", "Hippo", "Rhino", "Elephant", "Chipmunk", "Hamster", "Pony",
] as const;

let adjectives: Set<string> | null = null;
let animals: Set<string> | null = null;

/** Whether `nickname` (checked and normalised, as the server has it) is exactly one generated name. */
export function isGeneratedNickname(nickname: string): boolean {
  adjectives ??= new Set(NICKNAME_ADJECTIVES);
  animals ??= new Set(NICKNAME_ANIMALS);
  const parts = nickname.split(" ");
  return parts.length === 2 && adjectives.has(parts[0]!) && animals.has(parts[1]!);
}

/** A random generated name; `random` returns a float in [0, 1) (Math.random by default). */
export function generateNickname(random: () => number = Math.random, avoid?: string): string {
  const adjective = NICKNAME_ADJECTIVES[Math.floor(random() * NICKNAME_ADJECTIVES.length)]!;
  const at = Math.floor(random() * NICKNAME_ANIMALS.length);
  const name = `${adjective} ${NICKNAME_ANIMALS[at]!}`;
  // "Suggest a name" never hands back the name just shown: the next animal instead.
  return name === avoid ? `${adjective} ${NICKNAME_ANIMALS[(at + 1) % NICKNAME_ANIMALS.length]!}` : name;
}
