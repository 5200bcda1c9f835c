import type { Customer, CustomerList, CustomerListQuery } from "@app/shared";
import type { Db } from "../../db/client.js";
import { notFound } from "../../http/errors.js";
import { isUuid } from "../../lib/sql-text.js";
import { toCustomer } from "./customers.mapper.js";
import * as repo from "./customers.repository.js";

export interface CustomersDeps {
  db: Db;
}

export async function listCustomers(
  deps: CustomersDeps,
  shopId: string,
  q: CustomerListQuery,
): Promise<CustomerList> {
  const { rows, total } = await repo.listCustomers(deps.db, shopId, q);
  return { items: rows.map(toCustomer), total, page: q.page, pageSize: q.pageSize };
}

export async function getCustomer(
  deps: CustomersDeps,
  shopId: string,
  id: string,
): Promise<Customer> {
  const row = isUuid(id) ? await repo.findCustomer(deps.db, shopId, id) : undefined;
  if (!row) throw notFound("Customer");
  return toCustomer(row);
}
