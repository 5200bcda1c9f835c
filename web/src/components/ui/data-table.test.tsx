import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Cell, type Column, DataTable } from "./data-table";

const columns: Column[] = [
  { key: "name", label: "Name" },
  { key: "quantity", label: "Quantity", align: "end" },
];

function Fruits(props: Partial<Parameters<typeof DataTable>[0]>) {
  return (
    <DataTable columns={columns} caption="Fruit" {...props}>
      <tr>
        <Cell rowHeader>Apple</Cell>
        <Cell align="end">12</Cell>
      </tr>
    </DataTable>
  );
}

describe("DataTable", () => {
  it("is a table named by its caption, with column headers scoped to their columns", () => {
    render(<Fruits />);
    const table = screen.getByRole("table", { name: "Fruit" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Name", "Quantity"]);
    for (const h of headers) expect(h.getAttribute("scope")).toBe("col");
    expect(within(table).getByRole("rowheader", { name: "Apple" }).getAttribute("scope")).toBe(
      "row",
    );
    expect(table.hasAttribute("aria-busy")).toBe(false);
  });

  it("can keep the caption for screen readers only", () => {
    render(<Fruits captionHidden />);
    expect(screen.getByText("Fruit").className).toContain("sr-only");
    expect(screen.getByRole("table", { name: "Fruit" })).toBeTruthy();
  });

  it("right-aligns numeric columns, header and cells, with tabular figures", () => {
    render(<Fruits />);
    const quantity = screen.getByRole("columnheader", { name: "Quantity" });
    expect(quantity.className).toContain("text-right");
    expect(screen.getByRole("columnheader", { name: "Name" }).className).toContain("text-left");
    const cell = screen.getByRole("cell", { name: "12" });
    expect(cell.className).toContain("text-right");
    expect(cell.className).toContain("tabular-nums");
  });

  it("sorts by a sortable column's key and says how it is sorted", async () => {
    const onSort = vi.fn();
    render(
      <Fruits
        columns={[{ ...columns[0]!, sortable: true }, columns[1]!]}
        sort="name"
        onSort={onSort}
        busy={false}
      />,
    );
    const name = screen.getByRole("columnheader", { name: /Name/ });
    expect(name.getAttribute("aria-sort")).toBe("ascending");
    expect(screen.getByRole("columnheader", { name: "Quantity" }).hasAttribute("aria-sort")).toBe(
      false,
    );
    expect(screen.getByRole("table").getAttribute("aria-busy")).toBe("false");
    await userEvent.setup().click(within(name).getByRole("button"));
    expect(onSort).toHaveBeenCalledWith("-name");
  });

  it("puts footer rows in the table's foot", () => {
    render(
      <Fruits
        footer={
          <tr>
            <Cell rowHeader>Total</Cell>
            <Cell align="end">12</Cell>
          </tr>
        }
      />,
    );
    const foot = screen.getByRole("table").querySelector("tfoot");
    expect(foot && within(foot).getByRole("rowheader", { name: "Total" })).toBeTruthy();
  });
});
