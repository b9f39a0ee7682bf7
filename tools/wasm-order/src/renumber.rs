//! Rewrites a module with its defined functions in a new order, some of them dropped for a twin.

use std::convert::Infallible;
use wasm_encoder::reencode::{Error, Reencode, utils};
use wasm_encoder::{CodeSection, FunctionSection, IndirectNameMap, Module, NameMap, NameSection};
use wasmparser::{CodeSectionReader, FunctionSectionReader, Name, Parser};

/// `wasm` with defined function `order[i]` at index `imported + i`, and every use of a defined
/// function `f` turned into a use of `same_as[f]` (itself, or a twin listed in `order`).
pub fn rewrite(
    wasm: &[u8],
    imported: u32,
    order: &[usize],
    same_as: &[usize],
) -> std::result::Result<Vec<u8>, String> {
    let mut placed_at = vec![None; same_as.len()];
    for (new, &old) in (0u32..).zip(order) {
        placed_at[old] = Some(new);
    }
    let new_index = same_as
        .iter()
        .map(|&twin| placed_at[twin].ok_or("a function's twin is not placed"))
        .collect::<std::result::Result<_, _>>()?;
    let mut renumber = Renumber {
        imported,
        order,
        new_index,
        placed_at,
    };
    let mut module = Module::new();
    renumber
        .parse_core_module(&mut module, Parser::new(0), wasm)
        .map_err(|e| e.to_string())?;
    Ok(module.finish())
}

struct Renumber<'a> {
    imported: u32,
    /// The old index (among defined functions) of each new one.
    order: &'a [usize],
    /// The new index (among defined functions) of each old one: its twin's, if it is dropped.
    new_index: Vec<u32>,
    /// The new index (among defined functions) of each old one that is kept.
    placed_at: Vec<Option<u32>>,
}

type Result<T> = std::result::Result<T, Error<Infallible>>;

impl Renumber<'_> {
    /// A section's entries, one per defined function, in the new order, dropped ones left out.
    fn placed<T: Clone>(
        &self,
        entries: impl IntoIterator<Item = wasmparser::Result<T>>,
    ) -> Result<Vec<T>> {
        let entries = entries
            .into_iter()
            .collect::<wasmparser::Result<Vec<T>>>()?;
        Ok(self.order.iter().map(|&old| entries[old].clone()).collect())
    }

    /// Names by function index, renumbered, in the ascending order the format requires. Imports
    /// keep their names; a dropped function's go with it.
    fn renamed<T>(
        &mut self,
        names: impl Iterator<Item = wasmparser::Result<(u32, T)>>,
    ) -> Result<Vec<(u32, T)>> {
        let mut renamed = Vec::new();
        for naming in names {
            let (func, name) = naming?;
            let named = func
                .checked_sub(self.imported)
                .is_none_or(|defined| self.placed_at[defined as usize].is_some());
            if named {
                renamed.push((self.function_index(func)?, name));
            }
        }
        renamed.sort_by_key(|&(index, _)| index);
        Ok(renamed)
    }
}

impl Reencode for Renumber<'_> {
    type Error = Infallible;

    fn function_index(&mut self, func: u32) -> Result<u32> {
        Ok(match func.checked_sub(self.imported) {
            Some(defined) => self.imported + self.new_index[defined as usize],
            None => func,
        })
    }

    fn parse_function_section(
        &mut self,
        functions: &mut FunctionSection,
        section: FunctionSectionReader<'_>,
    ) -> Result<()> {
        for ty in self.placed(section)? {
            functions.function(self.type_index(ty)?);
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut CodeSection,
        section: CodeSectionReader<'_>,
    ) -> Result<()> {
        for body in self.placed(section)? {
            self.parse_function_body(code, body)?;
        }
        Ok(())
    }

    /// Function and local names follow their functions.
    fn parse_custom_name_subsection(
        &mut self,
        names: &mut NameSection,
        section: Name<'_>,
    ) -> Result<()> {
        match section {
            Name::Function(map) => {
                let mut functions = NameMap::new();
                for (index, name) in
                    self.renamed(map.into_iter().map(|n| n.map(|n| (n.index, n.name))))?
                {
                    functions.append(index, name);
                }
                names.functions(&functions);
            }
            Name::Local(map) => {
                let mut locals = IndirectNameMap::new();
                for (index, naming) in
                    self.renamed(map.into_iter().map(|n| n.map(|n| (n.index, n))))?
                {
                    locals.append(index, &utils::name_map(naming.names, Ok)?);
                }
                names.locals(&locals);
            }
            other => utils::parse_custom_name_subsection(self, names, other)?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection, Function,
        ImportSection, Instruction, RefType, StartSection, TableSection, TableType, TypeSection,
        ValType,
    };
    use wasmparser::{ElementItems, ExternalKind, Operator, Payload};

    /// Imports `log`; defines `a` (calls `c`), `b` (exported, in the table, the start) and `c`.
    fn module() -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        imports.import("env", "log", EntityType::Function(0));
        let mut functions = FunctionSection::new();
        let mut tables = TableSection::new();
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: 1,
            maximum: None,
            shared: false,
        });
        let mut exports = ExportSection::new();
        exports.export("b", ExportKind::Func, 2);
        let mut elements = ElementSection::new();
        let offset = ConstExpr::i32_const(0);
        elements.active(None, &offset, Elements::Functions([2].as_slice().into()));
        let mut code = CodeSection::new();
        for call in [Some(3), Some(0), None] {
            functions.function(0);
            let mut body = Function::new([(1, ValType::I32)]);
            if let Some(target) = call {
                body.instruction(&Instruction::Call(target));
            }
            body.instruction(&Instruction::End);
            code.function(&body);
        }
        let mut names = NameMap::new();
        for (index, name) in ["log", "a", "b", "c"].into_iter().enumerate() {
            names.append(index as u32, name);
        }
        let mut name_section = NameSection::new();
        name_section.functions(&names);
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&tables)
            .section(&exports)
            .section(&StartSection { function_index: 2 })
            .section(&elements)
            .section(&code)
            .section(&name_section);
        module.finish()
    }

    /// The export, the start function, the table, each body's first call, the function names.
    struct Uses {
        export: u32,
        start: u32,
        table: Vec<u32>,
        calls: Vec<Option<u32>>,
        names: Vec<(u32, String)>,
    }

    fn uses(wasm: &[u8]) -> Uses {
        let (mut export, mut start, mut table, mut calls, mut names) =
            (0, 0, vec![], vec![], vec![]);
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.unwrap() {
                Payload::ExportSection(section) => {
                    let only = section.into_iter().next().unwrap().unwrap();
                    assert_eq!(only.kind, ExternalKind::Func);
                    export = only.index;
                }
                Payload::StartSection { func, .. } => start = func,
                Payload::ElementSection(section) => {
                    let element = section.into_iter().next().unwrap().unwrap();
                    let ElementItems::Functions(items) = element.items else {
                        panic!("not a list of functions")
                    };
                    table = items
                        .into_iter()
                        .collect::<wasmparser::Result<_>>()
                        .unwrap();
                }
                Payload::CodeSectionEntry(body) => {
                    let mut reader = body.get_operators_reader().unwrap();
                    calls.push(match reader.read().unwrap() {
                        Operator::Call { function_index } => Some(function_index),
                        _ => None,
                    });
                }
                Payload::CustomSection(section) => {
                    let wasmparser::KnownCustom::Name(reader) = section.as_known() else {
                        continue;
                    };
                    for subsection in reader {
                        if let Name::Function(map) = subsection.unwrap() {
                            for naming in map {
                                let naming = naming.unwrap();
                                names.push((naming.index, naming.name.to_owned()));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Uses {
            export,
            start,
            table,
            calls,
            names,
        }
    }

    fn names(uses: &Uses) -> Vec<(u32, &str)> {
        uses.names.iter().map(|(i, n)| (*i, n.as_str())).collect()
    }

    #[test]
    fn every_index_follows_its_function() {
        // c, a, b: indices 1, 2, 3
        let wasm = rewrite(&module(), 1, &[2, 0, 1], &[0, 1, 2]).unwrap();
        wasmparser::validate(&wasm).unwrap();
        let uses = uses(&wasm);
        assert_eq!((uses.export, uses.start, &uses.table[..]), (3, 3, &[3][..]));
        // c calls nothing, a calls c, b calls the import
        assert_eq!(uses.calls, [None, Some(1), Some(0)]);
        assert_eq!(names(&uses), [(0, "log"), (1, "c"), (2, "a"), (3, "b")]);
    }

    #[test]
    fn a_dropped_function_is_used_through_its_twin() {
        // c dropped for b: a now calls b
        let wasm = rewrite(&module(), 1, &[0, 1], &[0, 1, 1]).unwrap();
        wasmparser::validate(&wasm).unwrap();
        let uses = uses(&wasm);
        assert_eq!((uses.export, uses.start, &uses.table[..]), (2, 2, &[2][..]));
        assert_eq!(uses.calls, [Some(2), Some(0)]);
        assert_eq!(names(&uses), [(0, "log"), (1, "a"), (2, "b")]);
    }

    #[test]
    fn a_twin_must_be_placed() {
        let err = rewrite(&module(), 1, &[0, 1], &[0, 1, 2]).unwrap_err();
        assert_eq!(err, "a function's twin is not placed");
    }
}
