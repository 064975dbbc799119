// Counted nouns read as words do: "1 CORS rule", "2 CORS rules", never "2 CORS rule(s)".
export function plainCounts(text: string): string {
  return text.replace(
    /\b(\d+)((?:\s+[^\s\d.,;:()]+)*?)\s+(\w+)\(s\)/g,
    (_all, n, between, noun) => {
      return `${n}${between} ${Number(n) === 1 ? noun : `${noun}s`}`;
    },
  );
}
