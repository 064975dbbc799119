// SETUP-SUMMARY.md as a page: its headings, lists and lines as HTML, shown only when printed
// (the print stylesheet in styles.css hides the rest of the page).
import type { ReactNode } from 'react';

/** Our own summary's few shapes: "# ", "## ", "- " items and plain paragraphs. */
export function summaryBlocks(content: string): ReactNode[] {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const endList = () => {
    if (items.length === 0) return;
    blocks.push(
      <ul key={blocks.length}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>,
    );
    items = [];
  };
  for (const line of content.split('\n')) {
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      continue;
    }
    endList();
    if (line === '') continue;
    if (line.startsWith('## ')) blocks.push(<h3 key={blocks.length}>{line.slice(3)}</h3>);
    else if (line.startsWith('# ')) blocks.push(<h2 key={blocks.length}>{line.slice(2)}</h2>);
    else blocks.push(<p key={blocks.length}>{line}</p>);
  }
  endList();
  return blocks;
}

export function PrintSummary({ content }: { content: string }) {
  return (
    <section className="print-summary" aria-label="Printable summary">
      {summaryBlocks(content)}
    </section>
  );
}
